package dev.portico.it.support;

import dev.portico.billing.testing.EventJson;
import dev.portico.billing.testing.StripeExamples;
import dev.portico.it.support.StripeEvents.Story;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Plans as the tests offer them in the Stripe stand-in, and the events that switch between them. */
public final class Plans {

    /** Stripe's example subscription's price (2000 usd a month), offered here as Team. */
    public static final String TEAM = "price_1PgafmB7WZ01zgkW6dKueIc5";
    public static final String STARTER = "price_PorticoStarterMonthly";
    public static final String BUSINESS = "price_PorticoBusinessMonthly";
    /** An active price not marked as a plan. */
    public static final String LEGACY = "price_PorticoLegacyMonthly";

    private Plans() {
    }

    /**
     * Starter (projects), Team (projects, exports) and Business (projects, exports, sso) as Stripe
     * prices marked {@code portico_plan}, plus {@link #LEGACY}; a {@code price.updated} webhook
     * tells Portico to read them again.
     */
    public static void offer(Api api, StripeStandIn stripe) {
        stripe.plan(STARTER, "prod_PorticoStarter", "Starter", 1000, "month", List.of("projects"),
                List.of("3 projects", "Email support"));
        stripe.plan(TEAM, "prod_QXg1hqf4jFNsqG", "Team", 2000, "month", List.of("projects", "exports"),
                List.of("Unlimited projects", "CSV exports"));
        stripe.plan(BUSINESS, "prod_PorticoBusiness", "Business", 5000, "month", List.of("projects", "exports", "sso"),
                List.of("Unlimited projects", "CSV exports", "Single sign-on"));
        stripe.unofferedPrice(LEGACY, "prod_PorticoLegacy", 900);
        StripeEvents.deliverSettled(api, StripeExamples.event("price.updated").newId());
    }

    /**
     * The schedule Stripe's portal makes for a downgrade at the period end: the story's subscription
     * on Team until {@code periodEnd}, then on {@code price}.
     */
    public static EventJson scheduledSwitch(Story story, String price, Instant periodEnd, Instant created) {
        return story.event("subscription_schedule.updated").newId().created(created)
                .set("data.object.phases.0.items.0.price", TEAM)
                .set("data.object.current_phase.end_date", periodEnd.getEpochSecond())
                .set("data.object.phases.0.end_date", periodEnd.getEpochSecond())
                .set("data.object.phases.1.start_date", periodEnd.getEpochSecond())
                .set("data.object.phases.1.end_date", periodEnd.plus(Duration.ofDays(31)).getEpochSecond())
                .set("data.object.phases.1.items.0.price", price);
    }

    /** The subscription event with its item at another price, of this product and amount. */
    public static EventJson priced(EventJson event, String price, String product, long amount) {
        return event.set("data.object.items.data.0.price.id", price)
                .set("data.object.items.data.0.price.product", product)
                .set("data.object.items.data.0.price.unit_amount", amount)
                .set("data.object.items.data.0.price.unit_amount_decimal", Long.toString(amount));
    }
}
