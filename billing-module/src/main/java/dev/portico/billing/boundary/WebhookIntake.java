package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.control.Applier;
import dev.portico.billing.control.BillingMetrics;
import dev.portico.billing.control.Inbox;
import dev.portico.billing.control.InboxWriter;
import dev.portico.billing.control.Envelope;
import dev.portico.billing.control.WebhookSignature;
import dev.portico.billing.entity.WebhookEvent.Arrival;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stripe's way in, the first stage of the pipeline (intake → inbox → applier → publications): a
 * delivery is verified (signature over the raw bytes), its envelope read, and the event stored in
 * the inbox; the answer follows once it is durable. Nothing is applied here: the applier takes the
 * event from there, in the background. Only a stored event is acknowledged, so Stripe retries
 * anything we could not keep.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());
    /** Said with every 503: Stripe keeps its own retry schedule, other senders and proxies read it. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @Inject
    WebhookSignature signature;

    @Inject
    InboxWriter writer;

    @Inject
    Applier applier;

    @Inject
    BillingMetrics metrics;

    @Inject
    Retention retention;

    /**
     * What became of a delivery: stored now ({@code RECEIVED}, or {@code IGNORED} for a type
     * Portico does not act on) or held already, with its status; or {@code EXPIRED}, a duplicate
     * by age: created before the inbox's retention, it can only be a replay, and is not applied.
     */
    public record Receipt(String eventId, boolean duplicate, String status) {
    }

    public Receipt receive(byte[] body, String signatureHeader) {
        signature.verify(body, signatureHeader);
        Envelope event = Envelope.parse(new String(body, StandardCharsets.UTF_8));
        if (retention.forgotten(event.created())) {
            metrics.received(event.type(), "duplicate");
            return new Receipt(event.id(), true, "EXPIRED");
        }
        Inbox.Stored stored;
        try {
            stored = writer.store(event, body, Arrival.WEBHOOK);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot store Stripe event " + event.id() + "; Stripe will retry", e);
            throw new BillingFailure(Reason.STORE_UNAVAILABLE, "The event could not be stored; please retry.", RETRY_AFTER);
        }
        if (!stored.duplicate() && stored.status() == Status.RECEIVED) {
            applier.offer(List.of(new Inbox.Waiting(stored.eventId(), stored.customerId())));
        }
        metrics.received(event.type(), stored.duplicate() ? "duplicate" : stored.status() == Status.IGNORED ? "ignored" : "stored");
        return new Receipt(stored.eventId(), stored.duplicate(), stored.status().name());
    }
}
