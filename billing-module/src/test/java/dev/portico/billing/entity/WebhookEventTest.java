package dev.portico.billing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.entity.WebhookEvent.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which inbox events wait for a retry, and so are listed in the pending table. */
class WebhookEventTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static WebhookEvent received() {
        return new WebhookEvent("evt_1", "invoice.paid", NOW, "cus_1", new byte[] {'{', '}'}, NOW, WebhookEvent.Arrival.WEBHOOK);
    }

    @Test
    void aReceivedOrSettledEventWaitsForNothing() {
        WebhookEvent event = received();
        assertFalse(event.awaitsRetry());

        event.settle(Status.APPLIED, "ws-1", null, NOW);
        assertFalse(event.awaitsRetry());

        WebhookEvent ignored = received();
        ignored.settle(Status.IGNORED, null, "not acted on", NOW);
        assertFalse(ignored.awaitsRetry());
    }

    @Test
    void anUnmatchedEventWaitsForItsWorkspace() {
        WebhookEvent event = received();
        event.settle(Status.UNMATCHED, null, "no workspace yet", NOW);

        assertTrue(event.awaitsRetry());
    }

    @Test
    void aFailedEventWaitsOnlyWhileAnotherAttemptIsScheduled() {
        WebhookEvent event = received();
        event.fail("down", Optional.of(Duration.ofMinutes(2)), NOW);
        assertTrue(event.awaitsRetry());
        assertEquals(Optional.of(NOW.plusSeconds(120)), event.nextAttemptAt());

        event.fail("down again", Optional.empty(), NOW);
        assertFalse(event.awaitsRetry());
        assertEquals(Status.FAILED, event.status());
    }
}
