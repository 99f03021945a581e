package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portico.billing.testing.EventJson;
import dev.portico.billing.testing.StripeExamples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** Stripe's own examples pass; an id of another shape is named by its field, never quoted. */
class StripeIdsTest {

    static final List<String> EXAMPLES = StripeExamples.NAMES;

    @ParameterizedTest
    @FieldSource("EXAMPLES")
    void stripesExamplesAreWellFormed(String name) {
        assertEquals(Optional.empty(), StripeIds.malformed(TypedEvent.read(Envelope.parse(StripeExamples.text(name)))));
    }

    @ParameterizedTest
    @CsvSource({
            "customer.subscription.updated, data.object.id, sub_1\\nforged, id",
            "customer.subscription.updated, data.object.items.data.0.price.id, price_<script>, items.data[0].price.id",
            "customer.subscription.updated, data.object.items.data.0.price.product, prod 1, items.data[0].price.product",
            "customer.subscription.updated, data.object.default_payment_method, pm_1';--, default_payment_method",
            "invoice.payment_failed, data.object.id, in_, id",
            "invoice.payment_failed, data.object.parent.subscription_details.subscription, si_1, "
                    + "parent.subscription_details.subscription",
            "customer.updated, data.object.invoice_settings.default_payment_method, tok_1, "
                    + "invoice_settings.default_payment_method",
            "checkout.session.completed, data.object.id, cs_<b>, id",
            "customer.subscription.updated, data.object.items.data.0.id, si_<x>, items.data[0].id",
            "subscription_schedule.updated, data.object.subscription, sub_1\\nforged, subscription",
            "subscription_schedule.updated, data.object.phases.1.items.0.price, price <x>, phases[].items[].price"})
    void aMalformedIdIsNamedByItsField(String example, String path, String value, String field) {
        EventJson event = StripeExamples.event(example).set(path, value.replace("\\n", "\n"));

        assertEquals(Optional.of(field), StripeIds.malformed(TypedEvent.read(Envelope.parse(event.json()))));
    }

    @Test
    void pricesAndProductsMayCarryIdsTheirOwnerChose() {
        EventJson event = StripeExamples.event("customer.subscription.updated")
                .set("data.object.items.data.0.price.id", "team-monthly_2026")
                .set("data.object.items.data.0.price.product", "portico-team");

        assertEquals(Optional.empty(), StripeIds.malformed(TypedEvent.read(Envelope.parse(event.json()))));
    }

    @Test
    void olderPaymentMethodsPass() {
        EventJson event = StripeExamples.event("customer.updated")
                .set("data.object.invoice_settings.default_payment_method", "card_1NAinc2eZvKYlo2C");

        assertEquals(Optional.empty(), StripeIds.malformed(TypedEvent.read(Envelope.parse(event.json()))));
    }
}
