package dev.portico.billing.api;

import java.util.Arrays;
import java.util.Optional;

/** Deep links into the Customer Portal; each maps to one Stripe {@code flow_data[type]}. */
public enum PortalFlow {
    PAYMENT_METHOD_UPDATE("payment_method_update", false),
    SUBSCRIPTION_CANCEL("subscription_cancel", true),
    SUBSCRIPTION_UPDATE("subscription_update", true),
    /** A switch to one price, Stripe showing the prorated amount before the customer confirms. */
    SUBSCRIPTION_UPDATE_CONFIRM("subscription_update_confirm", true);

    private final String wireName;
    private final boolean needsSubscription;

    PortalFlow(String wireName, boolean needsSubscription) {
        this.wireName = wireName;
        this.needsSubscription = needsSubscription;
    }

    /** The name used in Portico's API and in Stripe's {@code flow_data[type]}. */
    public String wireName() {
        return wireName;
    }

    public boolean needsSubscription() {
        return needsSubscription;
    }

    public static Optional<PortalFlow> fromWireName(String name) {
        return Arrays.stream(values()).filter(flow -> flow.wireName.equals(name)).findFirst();
    }
}
