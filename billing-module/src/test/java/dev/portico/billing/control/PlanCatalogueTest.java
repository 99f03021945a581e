package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.stripe.model.Price;
import com.stripe.net.ApiResource;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.PlansOffered;
import dev.portico.billing.boundary.OfferedPlan;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The catalogue asks Stripe as seldom as it may, serves what it holds when Stripe fails, and says what changed. */
class PlanCatalogueTest {

    private final StripeAnswers stripe = new StripeAnswers();
    private final List<PlansOffered> announced = new ArrayList<>();
    private final PlanCatalogue catalogue = new PlanCatalogue();

    PlanCatalogueTest() {
        catalogue.stripe = stripe;
        catalogue.interval = Duration.ofHours(1);
        catalogue.offered = new Announcements(announced);
    }

    @Test
    void theHeldPlansServeUntilTheIntervalAndUnchangedPlansAreAnnouncedOnce() {
        stripe.prices = List.of(price("price_team", "Team", 2000, "projects,exports"), price("price_s", "Starter", 1000, "projects"));

        assertEquals(List.of("price_s", "price_team"), ids(catalogue.plans()), "cheapest first");
        catalogue.plans();
        catalogue.refresh();

        assertEquals(2, stripe.calls, "the second read came from the refresh only");
        assertEquals(1, announced.size(), "nothing changed on the refresh");
        assertEquals(List.of("price_s", "price_team"), announced.get(0).plans().stream().map(PlansOffered.Plan::priceId).toList());
    }

    @Test
    void aFailedRefreshKeepsThePlansHeld() {
        stripe.prices = List.of(price("price_team", "Team", 2000, "exports"));
        catalogue.plans();
        stripe.failing = true;

        catalogue.refresh();

        assertEquals(List.of("price_team"), ids(catalogue.plans()));
        assertEquals("Team", catalogue.held("price_team").orElseThrow().name());
    }

    @Test
    void aNodeThatNeverReadThePlansDoesNotAskStripeForEachCaller() {
        stripe.failing = true;

        assertEquals(Reason.STRIPE_UNAVAILABLE, assertThrows(BillingFailure.class, catalogue::plans).reason());
        assertEquals(Reason.STRIPE_UNAVAILABLE, assertThrows(BillingFailure.class, catalogue::plans).reason());
        assertEquals(Reason.STRIPE_UNAVAILABLE,
                assertThrows(BillingFailure.class, () -> catalogue.find("price_team")).reason());

        assertEquals(1, stripe.calls);
    }

    private static List<String> ids(List<OfferedPlan> plans) {
        return plans.stream().map(OfferedPlan::priceId).toList();
    }

    private static Price price(String id, String name, long amount, String features) {
        return ApiResource.GSON.fromJson("""
                {"id": "%s", "object": "price", "active": true, "currency": "usd", "unit_amount": %d,
                 "metadata": {"portico_plan": "true"}, "recurring": {"interval": "month", "interval_count": 1},
                 "product": {"id": "prod_%s", "object": "product", "active": true, "name": "%s",
                   "metadata": {"portico_features": "%s"}}}
                """.formatted(id, amount, id, name, features), Price.class);
    }

    /** Stripe's list of prices, as a test sets it, counting the reads. */
    private static final class StripeAnswers extends StripeGateway {
        List<Price> prices = List.of();
        boolean failing;
        int calls;

        @Override
        public List<Price> listPlanPrices() {
            calls++;
            if (failing) {
                throw new BillingFailure(Reason.STRIPE_UNAVAILABLE, "Stripe cannot be reached right now.");
            }
            return prices;
        }
    }

    /** The CDI event, collecting what is fired. */
    private record Announcements(List<PlansOffered> fired) implements Event<PlansOffered> {
        @Override
        public void fire(PlansOffered event) {
            fired.add(event);
        }

        @Override
        public <U extends PlansOffered> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PlansOffered> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<PlansOffered> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends PlansOffered> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PlansOffered> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
