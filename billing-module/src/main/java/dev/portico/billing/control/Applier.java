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
 * (at most {@code portico.applier.workers} transactions at once, on the managed executor). The
 * intake hands over what it stored; the sweep hands over what nobody did (after a restart, or
 * from a node that died). Whatever is queued for customers nobody works on is applied together,
 * in one transaction ({@link ApplierTransaction}), up to {@value #MAX_BATCH} events: the busier
 * the intake, the bigger the batches. When a batch fails it is applied customer by customer, then
 * event by event, so a bad event stops only itself: it is recorded as failed, with a backoff
 * ({@code portico.webhook.retry-backoff}, doubling, at most {@code portico.webhook.max-attempts}
 * tries). On one node the queue serializes a customer's work (its key is busy while a batch holds
 * it); across nodes the customer's claim does ({@link Claims}): work a claim held elsewhere
 * refuses is left to that node, or to the sweep.
 */
@ApplicationScoped
public class Applier {

    private static final Logger LOG = Logger.getLogger(Applier.class.getName());
    private static final int MAX_BATCH = 200;
    /** Events held in this node's queue at most; beyond, the sweep finds them in the inbox. */
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
    BillingMetrics metrics;

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
        int start = 0;
        synchronized (this) {
            for (Inbox.Waiting event : events) {
                if (queuedEvents < MAX_QUEUED && queued.computeIfAbsent(key(event), k -> new LinkedHashSet<>())
                        .add(event.eventId())) {
                    queuedEvents++;
                }
            }
            // A worker that finds nothing ready ends at once; this keeps the look for ready keys out of here.
            if (workers < maxWorkers && !events.isEmpty()) {
                workers++;
                start++;
            }
        }
        for (int i = 0; i < start; i++) {
            executor.execute(this::work);
        }
    }

    /**
     * Applies one event now, on the caller's thread, after any work under way for its customer;
     * false, applying nothing, when that work still runs after {@code patience} (a request thread
     * must not wait on a busy customer for as long as it stays busy).
     */
    public boolean applyNow(Inbox.Waiting event, Duration patience) throws InterruptedException {
        String key = key(event);
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            while (busy.contains(key)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            busy.add(key);
        }
        try {
            process(Map.of(key, List.of(event.eventId())));
        } finally {
            release(Set.of(key));
        }
        return true;
    }

    /** A customer's key, as opposed to the key of an event that names no customer. */
    static boolean isCustomer(String key) {
        return key.startsWith("cus_");
    }

    private void work() {
        while (true) {
            Map<String, List<String>> next;
            synchronized (this) {
                next = takeReady();
                if (next.isEmpty()) {
                    workers--;
                    return;
                }
            }
            try {
                process(next);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The applier failed; the sweep hands the events over again", e);
            } finally {
                release(next.keySet());
            }
        }
    }

    private boolean hasReadyKey() {
        return queued.keySet().stream().anyMatch(key -> !busy.contains(key));
    }

    /**
     * Up to {@value #MAX_BATCH} queued events of keys nobody works on, oldest keys first, those
     * keys now busy: one transaction applies them all, however many customers they concern.
     */
    private Map<String, List<String>> takeReady() {
        Map<String, List<String>> batch = new LinkedHashMap<>();
        int taken = 0;
        var keys = queued.entrySet().iterator();
        while (keys.hasNext() && taken < MAX_BATCH) {
            var entry = keys.next();
            if (busy.contains(entry.getKey())) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            var each = entry.getValue().iterator();
            while (each.hasNext() && taken < MAX_BATCH) {
                ids.add(each.next());
                each.remove();
                taken++;
            }
            if (entry.getValue().isEmpty()) {
                keys.remove();
            }
            busy.add(entry.getKey());
            batch.put(entry.getKey(), ids);
        }
        queuedEvents -= taken;
        return batch;
    }

    private void release(Set<String> keys) {
        boolean more;
        synchronized (this) {
            busy.removeAll(keys);
            notifyAll();
            more = workers < maxWorkers && hasReadyKey();
            if (more) {
                workers++;
            }
        }
        if (more) {
            executor.execute(this::work);
        }
    }

    /**
     * Applies a batch: together, or key by key and then event by event when together fails; a
     * tie-break is fetched from Stripe outside any transaction, holding the customer's claim.
     */
    private void process(Map<String, List<String>> batch) {
        Map<String, Subscription> fetched = new HashMap<>();
        Map<String, List<String>> remaining = new LinkedHashMap<>(batch);
        while (!remaining.isEmpty()) {
            try {
                afterCommit(transaction.apply(remaining, fetched));
                return;
            } catch (TieBreakNeeded tie) {
                fetch(remaining, tie, fetched);
            } catch (RuntimeException e) {
                processAlone(remaining, e);
                return;
            }
        }
    }

    private void processAlone(Map<String, List<String>> failed, RuntimeException e) {
        if (failed.size() > 1) {
            failed.forEach((key, ids) -> process(Map.of(key, ids)));
            return;
        }
        var only = failed.entrySet().iterator().next();
        if (only.getValue().size() > 1) {
            only.getValue().forEach(id -> process(Map.of(only.getKey(), List.of(id))));
        } else {
            failed(only.getValue().get(0), e);
        }
    }

    /**
     * Asks Stripe for the subscription, holding its customer's claim but no transaction; when it
     * cannot, the event is recorded as failed and taken out of the batch.
     */
    private void fetch(Map<String, List<String>> batch, TieBreakNeeded tie, Map<String, Subscription> fetched) {
        String key = batch.entrySet().stream().filter(entry -> entry.getValue().contains(tie.eventId()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        try {
            if (isCustomer(key) && !claims.hold(key)) {
                return; // another node applies this customer now: the next attempt leaves it alone
            }
            fetched.put(tie.subscriptionId(), stripe.retrieveSubscription(tie.subscriptionId()));
        } catch (RuntimeException e) {
            failed(tie.eventId(), e);
            List<String> rest = new ArrayList<>(batch.get(key));
            rest.remove(tie.eventId());
            if (rest.isEmpty()) {
                batch.remove(key);
            } else {
                batch.put(key, rest);
            }
        }
    }

    private void afterCommit(ApplierTransaction.Done done) {
        done.settled().forEach(each -> metrics.settled(each.type(), each.outcome(), each.lag()));
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
            Optional<WebhookEvent> recorded = inbox.failed(eventId, why, made -> made < maxAttempts
                    ? Optional.of(Backoff.after(backoff, made)) : Optional.empty());
            recorded.ifPresent(event -> metrics.failed(event.type()));
            LOG.log(Level.WARNING, "Applying Stripe event " + eventId + " failed (attempt "
                    + recorded.map(event -> Integer.toString(event.attempts())).orElse("?") + "): " + why, e);
        } catch (RuntimeException alsoFailed) {
            LOG.log(Level.WARNING, "Applying Stripe event " + eventId + " failed: " + why, e);
            LOG.log(Level.WARNING, "Could not record that Stripe event " + eventId + " failed; the sweep tries again",
                    alsoFailed);
        }
    }

    private static String key(Inbox.Waiting event) {
        return event.customerId().orElse(event.eventId());
    }
}
