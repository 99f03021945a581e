package dev.portico.workspace.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.portico.billing.api.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The cached copy of the workspaces' billing state, so that a guarded call costs no database
 * query. Billing's events replace entries once their transaction commits (on this node), or when
 * {@code StandingsRefresh} reads another node's change (within a second); an entry is re-read
 * after {@code portico.enforcement.cache-ttl} in any case, the safety net should a refresh miss
 * one. At most {@code portico.enforcement.cache-max-workspaces} are held, the least recently
 * used going first: an evicted workspace is read from the database again, nothing else changes.
 * Time-dependent answers (period ends, grace) are computed per call, not cached.
 */
@ApplicationScoped
public class Standings {

    private Cache<WorkspaceId, Standing> cache;

    @Inject
    StandingStore store;

    @Inject
    EnforcementSettings settings;

    @PostConstruct
    void build() {
        build(Ticker.systemTicker());
    }

    /** The cache, timed by {@code ticker}; eviction runs on the calling thread (no pool of the container's). */
    void build(Ticker ticker) {
        cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheMaxWorkspaces())
                .expireAfterWrite(settings.cacheTtl())
                .executor(Runnable::run)
                .ticker(ticker)
                .build();
    }

    /**
     * The held copy, or the stored one. Read outside the cache's own locking: a database read
     * inside it would hold up other workspaces' lookups.
     */
    public Standing of(WorkspaceId workspace) {
        Standing held = cache.getIfPresent(workspace);
        return held != null ? held : remember(workspace, store.load(workspace));
    }

    /** A committed change: replaces the entry unless a newer one is already there. */
    void committed(WorkspaceId workspace, Standing standing) {
        remember(workspace, standing);
    }

    /** Changes read from the database (another node's, or this one's): taken for the workspaces held. */
    public void refreshed(Map<WorkspaceId, Standing> changed) {
        changed.forEach((workspace, standing) -> cache.asMap().computeIfPresent(workspace, (id, held) -> newer(held, standing)));
    }

    /** Forgets every entry: each is read again when next needed. */
    public void forgetAll() {
        cache.invalidateAll();
    }

    /** How many workspaces this node holds now. */
    public long held() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /**
     * Keeps the newer of the held and the given state (stored state only ever moves forward, so a
     * read that raced with a commit must not put back the older state it read).
     */
    private Standing remember(WorkspaceId workspace, Standing standing) {
        return cache.asMap().merge(workspace, standing, Standings::newer);
    }

    private static Standing newer(Standing held, Standing fresh) {
        return fresh.olderThan(held) ? held : fresh;
    }
}
