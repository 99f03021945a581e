package dev.portico.billing.control;

import dev.portico.billing.entity.WebhookEvent.Arrival;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the intake: concurrent deliveries are stored together, in one transaction,
 * and each caller returns only once its own event is durable. Whichever request finds no write
 * under way writes everything queued (at most {@value #MAX_BATCH} per transaction) while the
 * others wait for theirs. A request whose event is queued while another writes leaves it to that
 * writer, which looks at the queue again after letting go of the lock: an event queued before
 * that moment is seen by it, one queued after finds the lock free. A batch is written without
 * looking for events held already; a batch the database refuses (such a duplicate, or any other
 * reason) is stored event by event, looking first, so one event never fails another. An event
 * refused alone is tried once more: another node may have stored it at that very moment.
 */
@ApplicationScoped
public class InboxWriter {

    private static final int MAX_BATCH = 64;

    @Inject
    Inbox inbox;

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    private record Queued(Envelope event, byte[] payload, Arrival arrival, CompletableFuture<Inbox.Stored> stored) {
    }

    /** Stores the event (or finds it held); throws when it could not be stored. */
    public Inbox.Stored store(Envelope event, byte[] payload, Arrival arrival) {
        Queued mine = new Queued(event, payload, arrival, new CompletableFuture<>());
        queue.add(mine);
        // Write while there is something to write and nobody else is: checked again after each
        // unlock, so an event queued while this thread wrote is never left without a writer.
        while (!queue.isEmpty() && writing.tryLock()) {
            try {
                writeQueued();
            } finally {
                writing.unlock();
            }
        }
        try {
            return mine.stored().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing " + event.id(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    private void writeQueued() {
        List<Queued> batch = new ArrayList<>();
        Queued next;
        while (true) {
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Queued> batch) {
        try {
            complete(batch, store(batch));
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                batch.forEach(one -> write(List.of(one)));
                return;
            }
            // Alone and refused: most likely another node stored the same event at the same moment
            // (its row was not yet committed when this one looked). Looking again finds it.
            try {
                complete(batch, store(batch));
            } catch (RuntimeException again) {
                again.addSuppressed(e);
                batch.get(0).stored().completeExceptionally(again);
            }
        } catch (Error e) {
            batch.forEach(one -> one.stored().completeExceptionally(e)); // nobody waits forever
            throw e;
        }
    }

    private List<Inbox.Stored> store(List<Queued> batch) {
        return inbox.storeAll(batch.stream().map(queued -> new Inbox.Arriving(queued.event(), queued.payload(),
                queued.arrival())).toList(), batch.size() == 1);
    }

    private static void complete(List<Queued> batch, List<Inbox.Stored> stored) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(stored.get(i));
        }
    }
}
