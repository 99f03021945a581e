package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drift is a field the file sets that Stripe's object no longer says; the object's other fields do not count. */
class PortalDriftTest {

    private static final JsonObject DESIRED = json("""
            {"business_profile": {"headline": "Acme billing", "privacy_policy_url": ""},
             "metadata": {"team": "billing"},
             "features": {"subscription_cancel": {"enabled": true, "mode": "at_period_end",
                                                  "cancellation_reason": {"enabled": true, "options": ["unused", "other"]}},
                          "subscription_update": {"enabled": true, "default_allowed_updates": ["price"],
                                                  "products": [{"product": "prod_A", "prices": ["price_1", "price_2"]}]}}}""");

    /** Stripe's object as it answers: more fields, lists in another order, nothing as null. */
    private static final String STRIPE = """
            {"id": "bpc_1", "object": "billing_portal.configuration", "active": true, "metadata": {"portico_hash": "h"},
             "business_profile": {"headline": "Acme billing", "privacy_policy_url": null, "terms_of_service_url": null},
             "features": {"subscription_cancel": {"enabled": true, "mode": "at_period_end", "proration_behavior": "none",
                                                  "cancellation_reason": {"enabled": true, "options": ["other", "unused"]}},
                          "subscription_update": {"enabled": true, "default_allowed_updates": ["price"],
                                                  "proration_behavior": "none",
                                                  "products": [{"product": "prod_A", "prices": ["price_2", "price_1"],
                                                                "adjustable_quantity": {"enabled": false}}]},
                          "invoice_history": {"enabled": true}}}""";

    @Test
    void stripesAnswerOfTheSameConfigurationHasNoDrift() {
        assertEquals(List.of(), PortalDrift.between(DESIRED, json(STRIPE)));
    }

    @Test
    void aDashboardEditIsNamedByItsPath() {
        JsonObject edited = json(STRIPE.replace("\"mode\": \"at_period_end\"", "\"mode\": \"immediately\"")
                .replace("\"prices\": [\"price_2\", \"price_1\"]", "\"prices\": [\"price_2\"]")
                .replace("\"headline\": \"Acme billing\"", "\"headline\": null"));

        assertEquals(List.of("business_profile.headline", "features.subscription_cancel.mode",
                "features.subscription_update.products"), PortalDrift.between(DESIRED, edited));
    }

    @Test
    void aFeatureMissingFromStripesObjectIsDrift() {
        JsonObject withoutCancel = json(STRIPE);
        withoutCancel.getAsJsonObject("features").remove("subscription_cancel");

        assertEquals(List.of("features.subscription_cancel.enabled", "features.subscription_cancel.mode",
                "features.subscription_cancel.cancellation_reason.enabled",
                "features.subscription_cancel.cancellation_reason.options"), PortalDrift.between(DESIRED, withoutCancel));
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
