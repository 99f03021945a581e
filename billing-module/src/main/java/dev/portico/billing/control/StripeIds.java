package dev.portico.billing.control;

import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.SubscriptionSchedule;
import com.stripe.model.checkout.Session;
import com.stripe.model.entitlements.ActiveEntitlementSummary;
import dev.portico.billing.entity.StripeCustomerId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shapes of the Stripe ids Portico stores, compares and writes into details and logs. A
 * signed event from Stripe always passes; the check is for a leaked webhook secret, so that no
 * forged id (markup, line breaks, a kilobyte of text) lands in the database or a log line.
 * Prices and products may carry ids their owner chose, so those allow dashes too.
 */
final class StripeIds {

    private static final Predicate<String> CUSTOMER = StripeCustomerId::isValid;
    private static final Predicate<String> SUBSCRIPTION = shape("sub_[A-Za-z0-9]{1,250}");
    private static final Predicate<String> INVOICE = shape("in_[A-Za-z0-9]{1,250}");
    /** {@code pm_}, and the older {@code card_}, {@code src_}, {@code ba_} a customer may still default to. */
    private static final Predicate<String> PAYMENT_METHOD = shape("(pm|card|src|ba)_[A-Za-z0-9]{1,250}");
    /** {@code cs_test_…}, {@code cs_live_…}. */
    private static final Predicate<String> CHECKOUT_SESSION = shape("cs_[A-Za-z0-9_]{1,250}");
    private static final Predicate<String> CHOSEN = shape("[A-Za-z0-9_-]{1,255}");
    private static final Predicate<String> ITEM = shape("si_[A-Za-z0-9]{1,250}");

    private StripeIds() {
    }

    /**
     * The first id of {@code object} that Portico would use but that has not the shape of its
     * kind, named by its field (never its value); empty when all are well formed or absent.
     */
    static Optional<String> malformed(StripeObject object) {
        Map<String, Check> checks = new LinkedHashMap<>();
        if (object instanceof Subscription s) {
            checks.put("id", new Check(s.getId(), SUBSCRIPTION));
            checks.put("customer", new Check(s.getCustomer(), CUSTOMER));
            checks.put("default_payment_method", new Check(s.getDefaultPaymentMethod(), PAYMENT_METHOD));
            Price price = firstPrice(s);
            checks.put("items.data[0].price.id", new Check(price == null ? null : price.getId(), CHOSEN));
            checks.put("items.data[0].price.product", new Check(price == null ? null : price.getProduct(), CHOSEN));
            checks.put("items.data[0].id", new Check(firstItemId(s), ITEM));
        } else if (object instanceof Invoice i) {
            checks.put("id", new Check(i.getId(), INVOICE));
            checks.put("customer", new Check(i.getCustomer(), CUSTOMER));
            checks.put("parent.subscription_details.subscription", new Check(
                    i.getParent() == null || i.getParent().getSubscriptionDetails() == null ? null
                            : i.getParent().getSubscriptionDetails().getSubscription(), SUBSCRIPTION));
        } else if (object instanceof Customer c) {
            checks.put("id", new Check(c.getId(), CUSTOMER));
            checks.put("invoice_settings.default_payment_method", new Check(
                    c.getInvoiceSettings() == null ? null : c.getInvoiceSettings().getDefaultPaymentMethod(),
                    PAYMENT_METHOD));
        } else if (object instanceof PaymentMethod m) {
            checks.put("id", new Check(m.getId(), PAYMENT_METHOD));
            checks.put("customer", new Check(m.getCustomer(), CUSTOMER));
        } else if (object instanceof SubscriptionSchedule schedule) {
            checks.put("customer", new Check(schedule.getCustomer(), CUSTOMER));
            checks.put("subscription", new Check(schedule.getSubscription(), SUBSCRIPTION));
            checks.put("phases[].items[].price", new Check(phasePrices(schedule).filter(id -> !CHOSEN.test(id))
                    .findFirst().orElse(null), CHOSEN));
        } else if (object instanceof ActiveEntitlementSummary summary) {
            checks.put("customer", new Check(summary.getCustomer(), CUSTOMER));
        } else if (object instanceof Session session) {
            checks.put("id", new Check(session.getId(), CHECKOUT_SESSION));
            checks.put("customer", new Check(session.getCustomer(), CUSTOMER));
        }
        return checks.entrySet().stream().filter(check -> !check.getValue().passes()).map(Map.Entry::getKey).findFirst();
    }

    private static String firstItemId(Subscription s) {
        return s.getItems() == null || s.getItems().getData() == null || s.getItems().getData().isEmpty() ? null
                : s.getItems().getData().get(0).getId();
    }

    private static Stream<String> phasePrices(SubscriptionSchedule schedule) {
        return schedule.getPhases() == null ? Stream.empty() : schedule.getPhases().stream()
                .filter(phase -> phase.getItems() != null).flatMap(phase -> phase.getItems().stream())
                .map(SubscriptionSchedule.Phase.Item::getPrice).filter(Objects::nonNull);
    }

    private static Price firstPrice(Subscription s) {
        if (s.getItems() == null || s.getItems().getData() == null || s.getItems().getData().isEmpty()) {
            return null;
        }
        SubscriptionItem item = s.getItems().getData().get(0);
        return item.getPrice();
    }

    private static Predicate<String> shape(String regex) {
        return Pattern.compile(regex).asMatchPredicate();
    }

    /** An absent id passes: whether it is required is the handler's call. */
    private record Check(String value, Predicate<String> shape) {
        boolean passes() {
            return value == null || shape.test(value);
        }
    }
}
