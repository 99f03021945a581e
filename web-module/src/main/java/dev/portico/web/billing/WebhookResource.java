package dev.portico.web.billing;

import dev.portico.billing.boundary.WebhookIntake;
import dev.portico.web.BodyLimit;
import dev.portico.web.Jsons;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * Where Stripe POSTs events. No token: the {@code Stripe-Signature} header authenticates the
 * delivery. The body is read as raw bytes (at most {@value #MAX_BYTES}), so the signature is
 * checked over exactly what Stripe sent. One instance serves every delivery (it holds no request
 * state): a request-scoped instance per delivery showed in the webhook benchmark.
 */
@Path("billing/webhook")
@PermitAll
@ApplicationScoped
public class WebhookResource {

    static final int MAX_BYTES = 1024 * 1024;

    @Inject
    WebhookIntake intake;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject receive(@HeaderParam("Stripe-Signature") String signature, InputStream body) {
        WebhookIntake.Receipt receipt = intake.receive(BodyLimit.bytes(body, MAX_BYTES, "Webhook bodies are limited to 1 MiB."),
                signature);
        return Jsons.object()
                .add("received", true)
                .add("id", receipt.eventId())
                .add("duplicate", receipt.duplicate())
                .add("status", receipt.status())
                .build();
    }
}
