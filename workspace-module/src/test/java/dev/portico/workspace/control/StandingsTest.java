package dev.portico.workspace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.portico.billing.api.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The standings cache: bounded, timed, and an evicted workspace answers as before, from the store. */
class StandingsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** The database, as far as the cache sees it: what is stored, and how often it was read. */
    private static final class StoredStandings extends StandingStore {
        final Map<WorkspaceId, Standing> stored = new HashMap<>();
        final Map<WorkspaceId, Integer> reads = new HashMap<>();

        @Override
        public Standing load(WorkspaceId workspace) {
            reads.merge(workspace, 1, Integer::sum);
            return stored.getOrDefault(workspace, Standing.NONE);
        }

        int reads(WorkspaceId workspace) {
            return reads.getOrDefault(workspace, 0);
        }
    }

    private final StoredStandings store = new StoredStandings();
    private final AtomicLong nanos = new AtomicLong();

    private Standings standings(long maxWorkspaces, Duration ttl) {
        Standings standings = new Standings();
        standings.store = store;
        standings.settings = new EnforcementSettings(Duration.ZERO, "read-only", ttl, maxWorkspaces, Duration.ofHours(1));
        standings.build((Ticker) nanos::get);
        return standings;
    }

    private static WorkspaceId workspace(int n) {
        return new WorkspaceId("ws-" + n);
    }

    private static Standing standing(String status, Instant asOf) {
        return new Standing(status, asOf.plus(Duration.ofDays(30)), asOf, asOf);
    }

    @Test
    void holdsNoMoreThanTheMaximumAndAnEvictedWorkspaceAnswersAsBefore() {
        Standings standings = standings(100, Duration.ofHours(1));
        for (int n = 0; n < 1_000; n++) {
            store.stored.put(workspace(n), standing(n % 2 == 0 ? "active" : "past_due", T0));
        }
        Map<WorkspaceId, Standing> firstAnswers = new HashMap<>();
        for (int n = 0; n < 1_000; n++) {
            firstAnswers.put(workspace(n), standings.of(workspace(n)));
        }
        assertTrue(standings.held() <= 100, "held " + standings.held());
        for (int n = 0; n < 1_000; n++) {
            assertEquals(firstAnswers.get(workspace(n)), standings.of(workspace(n)));
        }
        long readAgain = firstAnswers.keySet().stream().filter(ws -> store.reads(ws) == 2).count();
        assertTrue(readAgain >= 900, "evicted workspaces are read again from the store: " + readAgain);
    }

    @Test
    void aHeldWorkspaceCostsNoReadUntilItsTimeToLiveEnds() {
        Standings standings = standings(100, Duration.ofSeconds(30));
        store.stored.put(workspace(1), standing("active", T0));
        standings.of(workspace(1));
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        standings.of(workspace(1));
        assertEquals(1, store.reads(workspace(1)));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        standings.of(workspace(1));
        assertEquals(2, store.reads(workspace(1)));
    }

    @Test
    void aCommittedChangeIsNotUndoneByAnOlderReadOrRefresh() {
        Standings standings = standings(100, Duration.ofHours(1));
        store.stored.put(workspace(1), standing("active", T0));
        standings.of(workspace(1));
        Standing canceled = standing("canceled", T0.plusSeconds(60));
        standings.committed(workspace(1), canceled);
        standings.refreshed(Map.of(workspace(1), standing("active", T0)));
        assertEquals(canceled, standings.of(workspace(1)));
    }

    @Test
    void aRefreshTakesOnlyWorkspacesHeld() {
        Standings standings = standings(100, Duration.ofHours(1));
        standings.refreshed(Map.of(workspace(7), standing("active", T0)));
        assertEquals(0, standings.held());
        assertEquals(Standing.NONE, standings.of(workspace(7)));
    }
}
