package dev.portico.billing.control;

import com.stripe.model.Price;
import com.stripe.model.Product;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.PlanPrice;
import dev.portico.billing.api.PlansOffered;
import dev.portico.billing.api.PlansWanted;
import dev.portico.billing.boundary.OfferedPlan;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The plans on offer, as Stripe has them: its active prices marked {@code portico_plan = true},
 * products expanded, cheapest first (per month). Held per node and read again from Stripe once
 * older than {@code portico.plans.refresh-interval}, or at once after this node applied a
 * {@code price.*} or {@code product.*} event; another node follows within the interval, and asks
 * Stripe again before refusing a price it does not know (a plan added a moment ago). Should Stripe
 * fail a refresh, the held plans serve on and the read is tried again after {@link #RETRY}; a
 * node that holds none answers {@code STRIPE_UNAVAILABLE} for that long without asking again. Each
 * read that changes them is announced to this node's modules ({@link PlansOffered}): the
 * workspace module's {@code @Entitled} takes a plan's features from there.
 * Timed by the JVM's monotonic clock: the injectable one is for billing's rules, not for caching.
 */
@ApplicationScoped
public class PlanCatalogue {

    private static final Logger LOG = Logger.getLogger(PlanCatalogue.class.getName());
    /** After a failed refresh, or asked for an unknown price: the least time until Stripe is asked again. */
    static final Duration RETRY = Duration.ofSeconds(30);
    static final String FEATURES = "portico_features";
    /** The shape of a feature key, as {@code @Entitled} names it (Stripe Entitlements' lookup keys alike). */
    static final Pattern FEATURE_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,80}");

    @Inject
    StripeGateway stripe;

    @Inject
    Event<PlansOffered> offered;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "portico.plans.refresh-interval")
    Duration interval;

    private record Held(List<OfferedPlan> plans, long readAt, long nextReadAt) {
    }

    private volatile Held held;
    private volatile boolean stale;
    /** With no plans held, when Stripe may be asked again after a failed read (System.nanoTime); null: none failed. */
    private volatile Long noReadBefore;
    private final Object reading = new Object();

    /** The plans on offer; reads them from Stripe when none are held or they are due. */
    public List<OfferedPlan> plans() {
        Held now = held;
        if (now != null && !stale && System.nanoTime() - now.nextReadAt() < 0) {
            return now.plans();
        }
        synchronized (reading) {
            now = held;
            if (now != null && !stale && System.nanoTime() - now.nextReadAt() < 0) {
                return now.plans();
            }
            if (now == null && noReadBefore != null && System.nanoTime() - noReadBefore < 0) {
                // Every caller of a node that never read the plans would otherwise ask Stripe in turn.
                throw new BillingFailure(BillingFailure.Reason.STRIPE_UNAVAILABLE,
                        "The plans cannot be read from Stripe right now; try again shortly.", RETRY);
            }
            return read(now).plans();
        }
    }

    /** The plan of this price, asking Stripe again (at most every {@link #RETRY}) before saying there is none. */
    public Optional<OfferedPlan> find(String priceId) {
        Optional<OfferedPlan> found = among(plans(), priceId);
        if (found.isPresent()) {
            return found;
        }
        synchronized (reading) {
            Held now = held;
            if (now != null && System.nanoTime() - now.readAt() >= RETRY.toNanos()) {
                return among(read(now).plans(), priceId);
            }
            return among(now == null ? List.of() : now.plans(), priceId);
        }
    }

    /** The held plan of this price, never asking Stripe (for work inside a transaction). */
    public Optional<OfferedPlan> held(String priceId) {
        Held now = held;
        return now == null ? Optional.empty() : among(now.plans(), priceId);
    }

    /** A price or product changed in Stripe: read again now, in the background (and on next use). */
    public void changed() {
        stale = true;
        executor.execute(this::refreshQuietly);
    }

    /** Reads the plans from Stripe now (the interval's refresh), whatever is held. */
    public void refresh() {
        synchronized (reading) {
            read(held);
        }
    }

    /** {@link #refresh()}, a failure logged rather than thrown (for background work). */
    public void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Reading the plans from Stripe failed: " + e.getClass().getSimpleName());
        }
    }

    /** Another module needs the plans now: announced, read from Stripe first if none are held. */
    void wanted(@Observes PlansWanted ask) {
        announce(plans());
    }

    /** Tells this node's modules what each plan includes. */
    private void announce(List<OfferedPlan> plans) {
        offered.fire(new PlansOffered(plans.stream()
                .map(plan -> new PlansOffered.Plan(plan.priceId(), plan.name(), Set.copyOf(plan.features()))).toList()));
    }

    private Held read(Held previous) {
        long started = System.nanoTime();
        stale = false;
        try {
            List<OfferedPlan> plans = stripe.listPlanPrices().stream().map(PlanCatalogue::plan).flatMap(Optional::stream)
                    .sorted(CHEAPEST_FIRST).toList();
            held = new Held(plans, started, started + interval.toNanos());
            if (previous == null || !previous.plans().equals(plans)) {
                announce(plans);
            }
            return held;
        } catch (BillingFailure failure) {
            if (previous == null) {
                noReadBefore = started + RETRY.toNanos();
                throw failure;
            }
            LOG.warning(() -> "Reading the plans from Stripe failed (" + failure.reason() + "); the held ones serve until "
                    + "the next try in " + RETRY.toSeconds() + " s.");
            held = new Held(previous.plans(), previous.readAt(), started + RETRY.toNanos());
            return held;
        }
    }

    private static Optional<OfferedPlan> among(List<OfferedPlan> plans, String priceId) {
        return plans.stream().filter(plan -> plan.priceId().equals(priceId)).findFirst();
    }

    private static final Comparator<OfferedPlan> CHEAPEST_FIRST = Comparator
            .comparing(PlanCatalogue::monthly, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OfferedPlan::name).thenComparing(OfferedPlan::priceId);

    private static Long monthly(OfferedPlan plan) {
        return MonthlyAmount.of(new PlanPrice(plan.priceId(), plan.productId(), plan.amount(), plan.currency(),
                plan.interval(), plan.intervalCount(), 1L));
    }

    /** A marked price as a plan; empty when its product is missing or inactive, or it does not recur. */
    static Optional<OfferedPlan> plan(Price price) {
        Product product = price.getProductObject();
        if (product == null || !Boolean.TRUE.equals(product.getActive()) || price.getRecurring() == null) {
            return Optional.empty();
        }
        List<String> features = product.getMetadata() == null || product.getMetadata().get(FEATURES) == null ? List.of()
                : Arrays.stream(product.getMetadata().get(FEATURES).split(",")).map(String::trim)
                        .filter(key -> FEATURE_KEY.matcher(key).matches()).distinct().toList();
        List<String> highlights = product.getMarketingFeatures() == null ? List.of()
                : product.getMarketingFeatures().stream().map(Product.MarketingFeature::getName).filter(Objects::nonNull)
                        .toList();
        Long count = price.getRecurring().getIntervalCount();
        return Optional.of(new OfferedPlan(price.getId(), product.getId(), product.getName() == null ? price.getId()
                : product.getName(), product.getDescription(), price.getUnitAmount(), price.getCurrency(),
                price.getRecurring().getInterval(), count == null || count < 1 ? 1 : count, features, highlights));
    }
}
