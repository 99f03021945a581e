package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.api.BillingFailure.Reason;
import dev.portico.billing.testing.StripeExamples;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The envelope pass and the typed read, on Stripe's own example events and on broken ones. */
class EnvelopeTest {

    @Test
    void readsTheEnvelopeAndTheTypedSubscription() {
        Envelope event = Envelope.parse(StripeExamples.text("customer.subscription.updated"));

        assertEquals("customer.subscription.updated", event.type());
        assertEquals("subscription", event.objectType());
        Subscription subscription = assertInstanceOf(Subscription.class, TypedEvent.read(event));
        assertEquals(Optional.of("cus_QXg1o8vcGmoR32"), event.customerId());
        assertEquals("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw", subscription.getId());
        assertEquals("active", subscription.getStatus());
        assertEquals(1785578400L, subscription.getItems().getData().get(0).getCurrentPeriodEnd());
    }

    @Test
    void findsTheCustomerOfEachKindOfObject() {
        Envelope customer = Envelope.parse(StripeExamples.text("customer.updated"));
        assertEquals(((Customer) TypedEvent.read(customer)).getId(), customer.customerId().orElseThrow());

        Envelope invoice = Envelope.parse(StripeExamples.text("invoice.payment_failed"));
        assertEquals(((Invoice) TypedEvent.read(invoice)).getCustomer(), invoice.customerId().orElseThrow());

        Envelope checkout = Envelope.parse(StripeExamples.text("checkout.session.completed"));
        assertEquals(((Session) TypedEvent.read(checkout)).getCustomer(), checkout.customerId().orElseThrow());
    }

    @Test
    void keepsTheFieldsWhateverTheirOrder() {
        Envelope event = Envelope.parse("""
                {"type": "customer.subscription.deleted",
                 "data": {"previous_attributes": {"status": "active"},
                          "object": {"customer": "cus_1", "status": "canceled", "object": "subscription", "id": "sub_1"}},
                 "created": 1700000000, "id": "evt_1", "livemode": false}""");

        assertEquals("evt_1", event.id());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), event.created());
        assertEquals(Optional.of("cus_1"), event.customerId());
        assertEquals("canceled", ((Subscription) TypedEvent.read(event)).getStatus());
    }

    @Test
    void theEnvelopeAndTheTypedReadAgreeOnWhichObjectCounts() {
        Envelope event = Envelope.parse("""
                {"id": "evt_4", "type": "customer.subscription.updated", "created": 1,
                 "data": {"object": {"object": "subscription", "id": "sub_1", "customer": "cus_1"}, "object": "sub_2"},
                 "data": 7}""");

        assertEquals(Optional.of("cus_1"), event.customerId());
        assertEquals("sub_1", ((Subscription) TypedEvent.read(event)).getId());
    }

    @Test
    void anObjectPorticoDoesNotHandleIsReadAsNothing() {
        Envelope event = Envelope.parse("""
                {"id": "evt_2", "type": "charge.succeeded", "created": 1, "data": {"object": {"object": "charge", "id": "ch_1"}}}""");

        assertEquals(Optional.empty(), event.customerId());
        assertNull(TypedEvent.read(event));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "\"evt_1\"", "{\"id\": \"evt_1\"", "{} {}", "{\"id\": evt_1}",
            "{\"id\": \"evt_1\", \"type\": \"x\", \"created\": 1, \"data\": {\"object\": {}}} trailing"})
    void malformedJsonIsAnInvalidPayload(String payload) {
        assertInvalid(payload, "The payload is not");
    }

    @Test
    void missingPartsAreNamed() {
        assertInvalid("{\"type\": \"x\", \"created\": 1, \"data\": {\"object\": {}}}", "The event has no valid id.");
        assertInvalid("{\"id\": \"ch_1\", \"type\": \"x\", \"created\": 1, \"data\": {\"object\": {}}}",
                "The event has no valid id.");
        assertInvalid("{\"id\": \"evt_1\", \"created\": 1, \"data\": {\"object\": {}}}", "The event has no type.");
        assertInvalid("{\"id\": \"evt_1\\nforged log line\", \"type\": \"x\", \"created\": 1, \"data\": {\"object\": {}}}",
                "The event has no valid id.");
        assertInvalid("{\"id\": \"evt_1' OR '1'='1\", \"type\": \"x\", \"created\": 1, \"data\": {\"object\": {}}}",
                "The event has no valid id.");
        assertInvalid("{\"id\": \"evt_1\", \"type\": \"invoice.paid\\r\\nX: y\", \"created\": 1, \"data\": {\"object\": {}}}",
                "The event has no type.");
        assertInvalid("{\"id\": \"evt_1\", \"type\": \"x\", \"created\": \"1\", \"data\": {\"object\": {}}}",
                "The event has no creation time.");
        assertInvalid("{\"id\": \"evt_1\", \"type\": \"x\", \"created\": 1, \"data\": {\"object\": \"sub_1\"}}",
                "The event has no data object.");
    }

    @Test
    void aCustomerIdOfAnotherShapeIsAnInvalidPayload() {
        assertInvalid("{\"id\": \"evt_1\", \"type\": \"invoice.paid\", \"created\": 1,"
                + " \"data\": {\"object\": {\"object\": \"invoice\", \"customer\": \"cus_1<img src=x>\"}}}",
                "The event's customer is not a Stripe customer id.");
        assertInvalid("{\"id\": \"evt_1\", \"type\": \"customer.updated\", \"created\": 1,"
                + " \"data\": {\"object\": {\"object\": \"customer\", \"id\": \"acct_1\"}}}",
                "The event's customer is not a Stripe customer id.");
    }

    @Test
    void deepNestingIsSkippedWithoutRecursion() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Envelope event = Envelope.parse("{\"id\": \"evt_3\", \"type\": \"x\", \"created\": 1, \"extra\": " + deep
                + ", \"data\": {\"object\": {\"object\": \"charge\"}}}");

        assertEquals("evt_3", event.id());
    }

    private static void assertInvalid(String payload, String messageStart) {
        BillingFailure failure = assertThrows(BillingFailure.class, () -> Envelope.parse(payload));
        assertEquals(Reason.INVALID_PAYLOAD, failure.reason());
        assertEquals(true, failure.getMessage().startsWith(messageStart), failure.getMessage());
    }
}
