package dev.portico.billing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A sweep's row holds its progress, so that another node can resume it where it stood. */
class ReconcileSweepTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void pagesMoveTheCursorAndAddUp() {
        ReconcileSweep sweep = new ReconcileSweep("s1", "a", NOW, NOW.minusSeconds(3600));

        sweep.listed("evt_100", 100, 3, 0);
        sweep.listed("evt_130", 30, 1, 1);

        assertEquals(Optional.of("evt_130"), sweep.cursor());
        assertEquals(130, sweep.eventsListed());
        assertEquals(4, sweep.eventsRecovered());
        assertEquals(1, sweep.errors(), "an event that could not be read");
        assertEquals(ReconcileSweep.Phase.CATCH_UP, sweep.phase());
    }

    @Test
    void resyncsAreCountedWithTheirDriftAndErrorsUntilItCompletes() {
        ReconcileSweep sweep = new ReconcileSweep("s1", "a", NOW, NOW);
        sweep.resyncNext(3);

        sweep.checked(2, Optional.empty());
        sweep.checked(0, Optional.of("ws_9: STRIPE_ERROR"));
        sweep.resumedBy("b");
        sweep.checked(0, Optional.empty());
        sweep.completed(NOW.plusSeconds(5));

        assertEquals(ReconcileSweep.Phase.DRIFT, sweep.phase());
        assertEquals(3, sweep.workspacesChecked());
        assertEquals(2, sweep.driftRepaired());
        assertEquals(1, sweep.errors());
        assertEquals(Optional.of("ws_9: STRIPE_ERROR"), sweep.lastError());
        assertEquals("b", sweep.node());
        assertEquals(ReconcileSweep.Status.COMPLETED, sweep.status());
        assertTrue(sweep.finishedAt().isPresent());
    }

    @Test
    void aFailedSweepKeepsWhy() {
        ReconcileSweep sweep = new ReconcileSweep("s1", "a", NOW, NOW);

        sweep.failed("STRIPE_UNAVAILABLE: down", NOW.plusSeconds(2));

        assertEquals(ReconcileSweep.Status.FAILED, sweep.status());
        assertEquals(Optional.of("STRIPE_UNAVAILABLE: down"), sweep.lastError());
    }
}
