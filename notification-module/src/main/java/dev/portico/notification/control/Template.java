package dev.portico.notification.control;

/** The emails Portico sends; the id is the {@code X-Portico-Template} header's value. */
public enum Template {
    SUBSCRIPTION_CANCEL_SCHEDULED("subscription-cancel-scheduled"),
    SUBSCRIPTION_CANCELED("subscription-canceled"),
    SUBSCRIPTION_RESUMED("subscription-resumed"),
    PAYMENT_METHOD_UPDATED("payment-method-updated"),
    DUNNING("dunning"),
    PAYMENT_RECOVERED("payment-recovered"),
    PLAN_CHANGED("plan-changed");

    private final String id;

    Template(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The id of dunning email {@code number}: dunning-1, dunning-2, ... */
    public static String dunning(int number) {
        return DUNNING.id + "-" + number;
    }
}
