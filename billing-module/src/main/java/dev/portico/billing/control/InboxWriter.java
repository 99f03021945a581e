package dev.portico.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the intake: concurrent deliveries are stored together, in one transaction,
 * and each caller returns only once its own event is durable. Whichever request finds no write
 * under way writes everything queued (at most {@value #MAX_BATCH} per transaction) while the
 * others wait; a waiting request checks every millisecond whether it must write itself, so no
 * event is left queued. A batch the database refuses is stored event by event, so one event
 * never fails another.
 */
@ApplicationScoped
public class InboxWriter {

    private static final int MAX_BATCH = 64;

    @Inject
    Inbox inbox;

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    private record Queued(Envelope event, byte[] payload, CompletableFuture<Inbox.Stored> stored) {
    }

    /** Stores the event (or finds it held); throws when it could not be stored. */
    public Inbox.Stored store(Envelope event, byte[] payload) {
        Queued mine = new Queued(event, payload, new CompletableFuture<>());
        queue.add(mine);
        while (!mine.stored().isDone()) {
            if (writing.tryLock()) {
                try {
                    writeQueued();
                } finally {
                    writing.unlock();
                }
            } else {
                awaitBriefly(mine.stored());
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
            List<Inbox.Stored> stored = inbox.storeAll(batch.stream().map(Queued::event).toList(),
                    batch.stream().map(Queued::payload).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(stored.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(e);
            } else {
                batch.forEach(one -> write(List.of(one)));
            }
        }
    }

    private static void awaitBriefly(CompletableFuture<?> stored) {
        try {
            stored.get(1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // checked again by the caller's loop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the inbox", e);
        }
    }
}
