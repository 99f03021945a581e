package dev.portico.workspace.control;

import dev.portico.billing.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cached copy of every workspace's billing state, so that a guarded call costs no database
 * query. Billing's events replace entries once their transaction commits (on this node), or when
 * {@code StandingsRefresh} reads another node's change (within a second); an entry is re-read
 * after {@code portico.enforcement.cache-ttl} in any case, the safety net should a refresh miss
 * one. Time-dependent answers (period ends, grace) are computed per call, not cached.
 */
@ApplicationScoped
public class Standings {

    private record Entry(Standing standing, long loadedAtNanos) {
    }

    private final Map<WorkspaceId, Entry> cache = new ConcurrentHashMap<>();

    @Inject
    StandingStore store;

    @Inject
    EnforcementSettings settings;

    public Standing of(WorkspaceId workspace) {
        Entry entry = cache.get(workspace);
        if (entry != null && System.nanoTime() - entry.loadedAtNanos() < settings.cacheTtl().toNanos()) {
            return entry.standing();
        }
        return remember(workspace, store.load(workspace)).standing();
    }

    /** A committed change: replaces the entry unless a newer one is already there. */
    void committed(WorkspaceId workspace, Standing standing) {
        remember(workspace, standing);
    }

    /** Changes read from the database (another node's, or this one's): taken for the workspaces held. */
    public void refreshed(Map<WorkspaceId, Standing> changed) {
        changed.forEach((workspace, standing) -> {
            if (cache.containsKey(workspace)) {
                remember(workspace, standing);
            }
        });
    }

    /** Forgets every entry: each is read again when next needed. */
    public void forgetAll() {
        cache.clear();
    }

    /**
     * Keeps the newer of the held and the given state (stored state only ever moves forward, so a
     * read that raced with a commit must not put back the older state it read), timed now.
     */
    private Entry remember(WorkspaceId workspace, Standing standing) {
        long now = System.nanoTime();
        return cache.merge(workspace, new Entry(standing, now), (held, fresh) ->
                fresh.standing().olderThan(held.standing()) ? new Entry(held.standing(), now) : fresh);
    }
}
