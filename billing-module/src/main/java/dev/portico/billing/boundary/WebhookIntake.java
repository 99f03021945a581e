package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.control.EventApplier;
import dev.portico.billing.control.EventProcessor;
import dev.portico.billing.control.IncomingEvent;
import dev.portico.billing.control.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stripe's way in. A delivery is verified (signature over the raw bytes), parsed, then stored in
 * the inbox and applied in one transaction; if applying fails the event is stored alone, as
 * failed, and retried later. Only a stored event is acknowledged, so Stripe retries anything we
 * could not keep.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());

    @Inject
    WebhookSignature signature;

    @Inject
    EventProcessor processor;

    /** What became of a delivery. */
    public record Receipt(String eventId, boolean duplicate, String status) {
    }

    public Receipt receive(byte[] body, String signatureHeader) {
        signature.verify(body, signatureHeader);
        IncomingEvent event = IncomingEvent.parse(new String(body, StandardCharsets.UTF_8));
        try {
            EventApplier.Outcome outcome = processor.receive(event, body);
            return new Receipt(event.id(), outcome.duplicate(), outcome.status().name());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot store Stripe event " + event.id() + "; Stripe will retry", e);
            throw new BillingFailure(Reason.STORE_UNAVAILABLE, "The event could not be stored; please retry.");
        }
    }
}
