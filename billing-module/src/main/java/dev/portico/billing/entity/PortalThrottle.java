package dev.portico.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A workspace's recent portal sessions, for the sliding-window throttle every node shares: at
 * most {@code limit} within any {@code window}. A row whose newest slot has left the window holds
 * nothing a missing row would not: retention deletes it (by {@code last_taken_at}).
 */
@Entity
@Table(name = "billing_portal_throttle")
public class PortalThrottle {

    /** The most slots a row holds: {@code slots} is bounded by it (14 characters each). */
    public static final int MAX_LIMIT = 100;

    @Id
    @Column(name = "workspace_id", length = 64)
    private String workspaceId;

    @Column(name = "slots", length = 2000, nullable = false)
    private String slots;

    /** The newest slot taken (null before the first). */
    @Column(name = "last_taken_at")
    private Instant lastTakenAt;

    protected PortalThrottle() {
        // for JPA
    }

    public PortalThrottle(String workspaceId) {
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.slots = "";
    }

    /**
     * Takes a slot at {@code now}, forgetting those older than the window; when {@code limit} are
     * taken already, takes none and answers how long until the oldest frees.
     */
    public Optional<Duration> take(Instant now, int limit, Duration window) {
        Deque<Instant> taken = new ArrayDeque<>();
        Arrays.stream(slots.split(",")).filter(slot -> !slot.isEmpty())
                .map(slot -> Instant.ofEpochMilli(Long.parseLong(slot)))
                .filter(slot -> slot.isAfter(now.minus(window)))
                .forEach(taken::addLast);
        Optional<Duration> wait = Optional.empty();
        if (taken.size() >= limit) {
            wait = Optional.of(Duration.between(now, taken.peekFirst().plus(window)));
        } else {
            taken.addLast(now);
            lastTakenAt = now;
        }
        slots = taken.stream().map(slot -> Long.toString(slot.toEpochMilli())).collect(Collectors.joining(","));
        return wait;
    }

    /** Whether every slot has left the window by {@code now}: the row is then as good as none. */
    public boolean emptyAt(Instant now, Duration window) {
        return lastTakenAt == null || !lastTakenAt.isAfter(now.minus(window));
    }
}
