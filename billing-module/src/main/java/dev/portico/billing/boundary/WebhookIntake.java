package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.control.EventProcessor;
import dev.portico.billing.control.IncomingEvent;
import dev.portico.billing.control.WebhookInbox;
import dev.portico.billing.control.WebhookSignature;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stripe's way in. A delivery is verified (signature over the raw bytes), parsed, then stored in
 * the inbox; only a stored event is acknowledged, so Stripe retries anything we could not keep.
 * A new event is applied right away; if that fails it stays stored and is retried.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());

    @Inject
    WebhookSignature signature;

    @Inject
    WebhookInbox inbox;

    @Inject
    EventProcessor processor;

    /** What became of a delivery. */
    public record Receipt(String eventId, boolean duplicate, String status) {
    }

    public Receipt receive(byte[] body, String signatureHeader) {
        signature.verify(body, signatureHeader);
        String payload = new String(body, StandardCharsets.UTF_8);
        IncomingEvent event = IncomingEvent.parse(payload);
        boolean fresh;
        try {
            fresh = inbox.record(event, payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot store Stripe event " + event.id() + "; Stripe will retry", e);
            throw new BillingFailure(Reason.STORE_UNAVAILABLE, "The event could not be stored; please retry.");
        }
        if (!fresh) {
            return new Receipt(event.id(), true, inbox.find(event.id()).map(e -> e.status().name()).orElse("UNKNOWN"));
        }
        Status status = processor.process(event.id());
        return new Receipt(event.id(), false, status.name());
    }
}
