package dev.portico.billing.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The event builder edits what it is told to, and refuses edits that would change nothing. */
class EventJsonTest {

    @Test
    void everyExampleSurvivesTheBuilderUnchanged() {
        for (String name : StripeExamples.NAMES) {
            EventJson event = StripeExamples.event(name);
            assertEquals(JsonParser.parseString(StripeExamples.text(name)), JsonParser.parseString(event.json()), name);
        }
    }

    @Test
    void setChangesTheNamedFieldOnly() {
        EventJson event = StripeExamples.event("customer.subscription.created")
                .type("customer.subscription.trial_will_end")
                .created(Instant.ofEpochSecond(1_783_504_000L))
                .set("data.object.trial_end", 1_783_504_800L)
                .set("data.object.items.data.0.current_period_end", 1_790_000_000L);

        assertEquals("customer.subscription.trial_will_end", event.string("type"));
        assertEquals(1_783_504_000L, event.number("created"));
        assertEquals(1_783_504_800L, event.number("data.object.trial_end"));
        assertEquals(1_790_000_000L, event.number("data.object.items.data.0.current_period_end"));
        assertEquals(StripeExamples.event("customer.subscription.created").string("data.object.status"),
                event.string("data.object.status"));
    }

    @Test
    void anEditThatFindsNothingFails() {
        EventJson event = StripeExamples.event("invoice.paid");

        assertThrows(IllegalArgumentException.class, () -> event.set("data.object.trial_end", 1));
        assertThrows(IllegalArgumentException.class, () -> event.set("data.objekt.status", "paid"));
        assertThrows(IllegalArgumentException.class, () -> event.set("data.object.lines.data.7.amount", 1));
        assertThrows(IllegalArgumentException.class, () -> event.remove("data.previous_attributes.nothing"));
        assertThrows(IllegalArgumentException.class, () -> event.add("data.object.status", "paid"));
        assertThrows(IllegalArgumentException.class, () -> EventJson.parse("{\"note\": \"no ids\"}").renameIds(id -> id + "x"));
    }

    @Test
    void addAndRemoveChangeTheShape() {
        EventJson event = StripeExamples.event("customer.updated").add("data.object.metadata.workspace_id", "ws-1")
                .remove("data.previous_attributes");

        assertEquals("ws-1", event.string("data.object.metadata.workspace_id"));
        assertFalse(event.has("data.previous_attributes"));
    }

    @Test
    void nullsStayAndTextIsNotEscaped() {
        EventJson event = StripeExamples.event("customer.subscription.created").set("data.object.cancel_at", null)
                .set("data.object.metadata", EventJson.parse("{\"note\": \"<b>&'\"}"));

        assertTrue(event.json().contains("\"cancel_at\": null"), event::json);
        assertTrue(event.json().contains("\"note\": \"<b>&'\""), event::json);
    }

    @Test
    void idsAreRenamedConsistentlyAndCopiesAreIndependent() {
        EventJson original = StripeExamples.event("invoice.payment_failed");
        EventJson renamed = original.copy().renameIds(id -> id + "Z9");

        assertEquals(original.string("data.object.customer") + "Z9", renamed.string("data.object.customer"));
        assertEquals(original.string("id") + "Z9", renamed.string("id"));
        assertNotEquals(original.json(), renamed.json());
        assertEquals(StripeExamples.event("invoice.payment_failed").json(), original.json(), "the copy took the edits");
    }

    @Test
    void signaturesMatchStripesTestVector() {
        byte[] body = StripeExamples.text("customer.subscription.updated").getBytes(StandardCharsets.UTF_8);

        SignatureVector vector = SignatureVector.load();

        assertEquals(vector.header(), StripeSignatures.header(body, vector.time(), vector.secret()));
    }
}
