package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.api.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PortalRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final PortalRateLimiter limiter = new PortalRateLimiter(3, Duration.ofMinutes(1), clock);
    private final WorkspaceId alpha = new WorkspaceId("alpha");

    @Test
    void refusesBeyondTheLimitWithTheWaitUntilTheOldestSlotFrees() {
        limiter.acquire(alpha);
        clock.advance(Duration.ofSeconds(20));
        limiter.acquire(alpha);
        limiter.acquire(alpha);

        BillingFailure refused = assertThrows(BillingFailure.class, () -> limiter.acquire(alpha));

        assertEquals(Reason.RATE_LIMITED, refused.reason());
        assertEquals(Duration.ofSeconds(40), refused.retryAfter());
    }

    @Test
    void slotsFreeUpAsTheWindowSlides() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(alpha);
        }
        clock.advance(Duration.ofMinutes(1));

        assertDoesNotThrow(() -> limiter.acquire(alpha));
    }

    @Test
    void workspacesAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(alpha);
        }

        assertDoesNotThrow(() -> limiter.acquire(new WorkspaceId("beta")));
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
