package dev.portico.billing.control;

import com.stripe.model.Subscription;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.entity.WebhookEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies stored events in the background: serialized per customer, in parallel across customers
 * (at most {@code portico.applier.workers} at once, on the managed executor). The intake hands
 * over what it stored; the sweep hands over what nobody did (after a restart, or from a node that
 * died). A customer's queued events are applied together, in one transaction
 * ({@link ApplierTransaction}); when that fails they are applied one by one, so a bad event stops
 * only itself: it is recorded as failed, with a backoff ({@code portico.webhook.retry-backoff},
 * doubling, at most {@code portico.webhook.max-attempts} tries). On one node the queue serializes a
 * customer's work; across nodes the customer's claim does ({@link Claims}): work a claim held
 * elsewhere refuses is left to the sweep.
 */
@ApplicationScoped
public class Applier {

    private static final Logger LOG = Logger.getLogger(Applier.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int MAX_BATCH = 200;
    /** Customers' queues held in memory at most; beyond, the sweep finds the events in the inbox. */
    private static final int MAX_QUEUED = 100_000;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    ApplierTransaction transaction;

    @Inject
    Inbox inbox;

    @Inject
    Claims claims;

    @Inject
    StripeGateway stripe;

    @Inject
    PublicationDelivery delivery;

    @Inject
    @ConfigProperty(name = "portico.applier.workers")
    int maxWorkers;

    @Inject
    @ConfigProperty(name = "portico.webhook.retry-backoff")
    Duration backoff;

    @Inject
    @ConfigProperty(name = "portico.webhook.max-attempts")
    int maxAttempts;

    /** Queued event ids by key (the customer, or the event itself when it names none), in arrival order. */
    private final LinkedHashMap<String, LinkedHashSet<String>> queued = new LinkedHashMap<>();
    /** Keys being applied now, on this node. */
    private final Set<String> busy = new HashSet<>();
    private int queuedEvents;
    private int workers;

    /** Queues events for applying; returns at once. */
    public void offer(List<Inbox.Waiting> events) {
        synchronized (this) {
            for (Inbox.Waiting event : events) {
                if (queuedEvents < MAX_QUEUED && queued.computeIfAbsent(key(event), k -> new LinkedHashSet<>())
                        .add(event.eventId())) {
                    queuedEvents++;
                }
            }
            while (workers < maxWorkers && hasReadyKey()) {
                workers++;
                executor.execute(this::work);
            }
        }
    }

    /** Applies one event now, on the caller's thread, after any work under way for its customer. */
    public void applyNow(Inbox.Waiting event) throws InterruptedException {
        String key = key(event);
        synchronized (this) {
            while (busy.contains(key)) {
                wait();
            }
            busy.add(key);
        }
        try {
            process(event.customerId(), List.of(event.eventId()));
        } finally {
            release(key);
        }
    }

    private void work() {
        while (true) {
            Map.Entry<String, List<String>> next;
            synchronized (this) {
                next = takeReadyKey();
                if (next == null) {
                    workers--;
                    return;
                }
            }
            try {
                Optional<String> customer = next.getKey().startsWith("cus_") ? Optional.of(next.getKey()) : Optional.empty();
                process(customer, next.getValue());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The applier failed; the sweep hands the events over again", e);
            } finally {
                release(next.getKey());
            }
        }
    }

    private boolean hasReadyKey() {
        return queued.keySet().stream().anyMatch(key -> !busy.contains(key));
    }

    private Map.Entry<String, List<String>> takeReadyKey() {
        for (var entry : queued.entrySet()) {
            if (!busy.contains(entry.getKey())) {
                List<String> ids = new ArrayList<>();
                var each = entry.getValue().iterator();
                while (each.hasNext() && ids.size() < MAX_BATCH) {
                    ids.add(each.next());
                    each.remove();
                }
                if (entry.getValue().isEmpty()) {
                    queued.remove(entry.getKey());
                }
                queuedEvents -= ids.size();
                busy.add(entry.getKey());
                return Map.entry(entry.getKey(), ids);
            }
        }
        return null;
    }

    private synchronized void release(String key) {
        busy.remove(key);
        notifyAll();
        if (queued.containsKey(key) && workers < maxWorkers) {
            workers++;
            executor.execute(this::work);
        }
    }

    /**
     * Applies the events of one customer (or one event without a customer): together, or one by
     * one when together fails; a tie-break is fetched from Stripe holding the customer's claim.
     */
    private void process(Optional<String> customer, List<String> ids) {
        Map<String, Subscription> fetched = new HashMap<>();
        List<String> remaining = new ArrayList<>(ids);
        while (!remaining.isEmpty()) {
            try {
                Optional<ApplierTransaction.Done> done = transaction.apply(customer, remaining, fetched);
                done.ifPresent(this::afterCommit);
                return;
            } catch (TieBreakNeeded tie) {
                if (!fetch(customer, tie, fetched)) {
                    remaining.remove(tie.eventId());
                }
            } catch (RuntimeException e) {
                if (remaining.size() == 1) {
                    failed(remaining.get(0), e);
                    return;
                }
                remaining.forEach(id -> process(customer, List.of(id)));
                return;
            }
        }
    }

    /** Asks Stripe, holding the claim but no transaction; false (the event failed) when it cannot. */
    private boolean fetch(Optional<String> customer, TieBreakNeeded tie, Map<String, Subscription> fetched) {
        try {
            if (customer.isPresent() && !claims.hold(customer.get())) {
                return true; // another node applies this customer now; the next attempt finds that out
            }
            fetched.put(tie.subscriptionId(), stripe.retrieveSubscription(tie.subscriptionId()));
            return true;
        } catch (RuntimeException e) {
            failed(tie.eventId(), e);
            return false;
        }
    }

    private void afterCommit(ApplierTransaction.Done done) {
        delivery.deliver(done.publications());
        // Customers linked to their workspace just now: their waiting events can apply next.
        for (String customer : done.linkedCustomers()) {
            offer(inbox.unmatched(customer).stream().map(id -> new Inbox.Waiting(id, Optional.of(customer))).toList());
        }
    }

    private void failed(String eventId, RuntimeException e) {
        String why = e instanceof BillingFailure failure ? failure.reason() + ": " + failure.getMessage()
                : e.getClass().getSimpleName();
        try {
            int attempts = inbox.find(eventId).map(WebhookEvent::attempts).orElse(0) + 1;
            LOG.log(Level.WARNING, "Applying Stripe event " + eventId + " failed (attempt " + attempts + "): " + why, e);
            inbox.failed(eventId, why, attempts < maxAttempts ? Optional.of(delay(attempts)) : Optional.empty());
        } catch (RuntimeException alsoFailed) {
            LOG.log(Level.WARNING, "Could not record that Stripe event " + eventId + " failed; the sweep tries again",
                    alsoFailed);
        }
    }

    private Duration delay(int attempts) {
        Duration delay = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private static String key(Inbox.Waiting event) {
        return event.customerId().orElse(event.eventId());
    }
}
