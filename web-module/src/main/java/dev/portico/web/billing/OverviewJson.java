package dev.portico.web.billing;

import dev.portico.billing.boundary.BillingOverviews;
import dev.portico.web.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * How the billing page's overview reads in JSON. Amounts stay in the currency's minor units, as
 * Stripe gives them (the page formats them); invoice links go to billing admins only: the hosted
 * invoice page lets whoever holds the link pay, and shows the billing address.
 */
final class OverviewJson {

    private OverviewJson() {
    }

    static JsonObjectBuilder add(JsonObjectBuilder json, BillingOverviews.Overview overview, boolean admin) {
        json.add("price", objectOrNull(overview.plan().map(OverviewJson::plan)));
        Jsons.addOrNull(json, "trialEnd", overview.trialEnd().orElse(null));
        Jsons.addOrNull(json, "cancelAt", overview.cancelAt().orElse(null));
        Jsons.addOrNull(json, "endedAt", overview.endedAt().orElse(null));
        json.add("paymentMethod", objectOrNull(overview.paymentMethod().map(OverviewJson::paymentMethod)));
        json.add("failingInvoice", objectOrNull(overview.failingInvoice().map(invoice -> invoice(invoice, admin))));
        JsonArrayBuilder invoices = Jsons.array();
        overview.invoices().forEach(invoice -> invoices.add(invoice(invoice, admin)));
        return json.add("invoices", invoices);
    }

    private static JsonObjectBuilder plan(BillingOverviews.Plan plan) {
        JsonObjectBuilder json = Jsons.object().add("id", plan.priceId()).add("name", plan.name());
        number(json, "amount", plan.amount());
        Jsons.addOrNull(json, "currency", plan.currency().orElse(null));
        Jsons.addOrNull(json, "interval", plan.interval().orElse(null));
        return json.add("intervalCount", plan.intervalCount()).add("quantity", plan.quantity());
    }

    private static JsonObjectBuilder paymentMethod(BillingOverviews.PaymentMethod method) {
        JsonObjectBuilder json = Jsons.object().add("type", method.type());
        Jsons.addOrNull(json, "brand", method.brand().orElse(null));
        Jsons.addOrNull(json, "last4", method.last4().orElse(null));
        number(json, "expMonth", method.expMonth().map(Integer::longValue));
        number(json, "expYear", method.expYear().map(Integer::longValue));
        return json.add("expiresBeforeRenewal", method.expiresBeforeRenewal());
    }

    private static JsonObjectBuilder invoice(BillingOverviews.Invoice invoice, boolean admin) {
        JsonObjectBuilder json = Jsons.object().add("id", invoice.id());
        Jsons.addOrNull(json, "number", invoice.number().orElse(null));
        Jsons.addOrNull(json, "created", invoice.created().orElse(null));
        number(json, "amountDue", invoice.amountDue());
        number(json, "amountPaid", invoice.amountPaid());
        Jsons.addOrNull(json, "currency", invoice.currency().orElse(null));
        json.add("status", invoice.status()).add("attemptCount", invoice.attemptCount());
        Jsons.addOrNull(json, "nextPaymentAttempt", invoice.nextPaymentAttempt().orElse(null));
        Jsons.addOrNull(json, "hostedInvoiceUrl", admin ? invoice.hostedInvoiceUrl().orElse(null) : null);
        return Jsons.addOrNull(json, "invoicePdf", admin ? invoice.invoicePdf().orElse(null) : null);
    }

    private static JsonValue objectOrNull(Optional<JsonObjectBuilder> object) {
        return object.<JsonValue>map(JsonObjectBuilder::build).orElse(JsonValue.NULL);
    }

    private static void number(JsonObjectBuilder json, String name, Optional<Long> value) {
        if (value.isPresent()) {
            json.add(name, value.get());
        } else {
            json.addNull(name);
        }
    }
}
