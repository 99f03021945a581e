package dev.portico.billing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Instant start = Instant.parse("2026-11-21T10:00:00Z");
    private final PortalThrottle alpha = new PortalThrottle("alpha");

    @Test
    void refusesBeyondTheLimitWithTheWaitUntilTheOldestSlotFrees() {
        alpha.take(start, 3, WINDOW);
        alpha.take(start.plusSeconds(20), 3, WINDOW);
        alpha.take(start.plusSeconds(20), 3, WINDOW);

        assertEquals(Optional.of(Duration.ofSeconds(40)), alpha.take(start.plusSeconds(20), 3, WINDOW));
    }

    @Test
    void aRefusalTakesNoSlot() {
        for (int i = 0; i < 3; i++) {
            alpha.take(start, 3, WINDOW);
        }
        alpha.take(start.plusSeconds(30), 3, WINDOW);

        assertEquals(Optional.empty(), alpha.take(start.plusSeconds(60), 3, WINDOW), "the refused one did not count");
    }

    @Test
    void slotsFreeUpAsTheWindowSlides() {
        for (int i = 0; i < 3; i++) {
            alpha.take(start, 3, WINDOW);
        }

        assertEquals(Optional.empty(), alpha.take(start.plus(WINDOW), 3, WINDOW));
        alpha.take(start.plus(WINDOW), 3, WINDOW);
        alpha.take(start.plus(WINDOW), 3, WINDOW);
        assertEquals(Optional.of(WINDOW), alpha.take(start.plus(WINDOW), 3, WINDOW),
                "the old window's slots are gone; the new window's three count");
    }

    @Test
    void aRowIsEmptyOnceItsNewestSlotLeftTheWindowAndThenAnswersAsNoRowWould() {
        assertEquals(true, alpha.emptyAt(start, WINDOW), "never taken");
        for (int i = 0; i < 3; i++) {
            alpha.take(start.plusSeconds(i * 10L), 3, WINDOW);
        }
        assertEquals(false, alpha.emptyAt(start.plusSeconds(20).plus(WINDOW).minusMillis(1), WINDOW));
        assertEquals(false, alpha.emptyAt(start.plus(WINDOW), WINDOW), "the newest slot is still in the window");

        Instant later = start.plusSeconds(20).plus(WINDOW);
        assertEquals(true, alpha.emptyAt(later, WINDOW));
        PortalThrottle fresh = new PortalThrottle("alpha");
        for (int i = 0; i < 4; i++) {
            assertEquals(fresh.take(later, 3, WINDOW), alpha.take(later, 3, WINDOW), "take " + i);
        }
    }
}
