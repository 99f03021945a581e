package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.api.PortalFlow;
import dev.portico.billing.control.PortalConfigurationFile.InvalidPortalConfiguration;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configuration file is Stripe's own parameters, refused field by field where Stripe would refuse them. */
class PortalConfigurationFileTest {

    private static final String MINIMAL = """
            {"business_profile": {"headline": "Acme billing"},
             "features": {"invoice_history": {"enabled": true}, "payment_method_update": {"enabled": true},
                          "subscription_cancel": {"enabled": true, "mode": "at_period_end"}}}""";

    @Test
    void theRepositorysExampleIsValidAndOffersEveryFlow() {
        DesiredPortal example = PortalConfigurationFile.read(Path.of("..", "examples", "portal", "portal-configuration.json"));

        assertEquals(Set.of(PortalFlow.values()), example.flows());
        assertEquals(64, example.hash().length());
    }

    @Test
    void aFeatureLeftOutOrDisabledOffersNoFlow() {
        DesiredPortal portal = PortalConfigurationFile.parse(MINIMAL, "portal.json");

        assertEquals(Set.of(PortalFlow.PAYMENT_METHOD_UPDATE, PortalFlow.SUBSCRIPTION_CANCEL), portal.flows());
    }

    @Test
    void theHashIsTheContentsNotTheLayout() {
        String reordered = """
                {"features": {"subscription_cancel": {"mode": "at_period_end", "enabled": true},
                 "payment_method_update": {"enabled": true}, "invoice_history": {"enabled": true}},
                 "business_profile": {"headline": "Acme billing"}}""";

        String hash = PortalConfigurationFile.parse(MINIMAL, "a").hash();

        assertEquals(hash, PortalConfigurationFile.parse(reordered, "b").hash());
        assertNotEquals(hash, PortalConfigurationFile.parse(MINIMAL.replace("Acme billing", "Acme"), "c").hash());
    }

    @Test
    void whatStripeWouldRefuseIsRefusedNamingTheField() {
        assertRefused("features.subscription_cancel.mode: one of \"at_period_end\", \"immediately\" expected",
                MINIMAL.replace("\"at_period_end\"", "\"whenever\""));
        assertRefused("business_profile.headline: ", MINIMAL.replace("Acme billing", "x".repeat(61)));
        assertRefused("features.invoice_history.enabled: boolean expected", MINIMAL.replace(
                "\"invoice_history\": {\"enabled\": true}", "\"invoice_history\": {\"enabled\": \"yes\"}"));
        assertRefused("features.subscription_update.products: required", MINIMAL.replace("\"invoice_history\"",
                "\"subscription_update\": {\"enabled\": true, \"default_allowed_updates\": [\"price\"]}, \"invoice_history\""));
        assertRefused("feature: not a parameter Stripe knows", MINIMAL.replace("\"features\"", "\"feature\""));
        assertRefused("features.subscription_update.schedule_at_period_end.conditions[0].type: one of", MINIMAL.replace(
                "\"invoice_history\"", "\"subscription_update\": {\"enabled\": true, \"default_allowed_updates\": [\"price\"], "
                        + "\"products\": [], \"schedule_at_period_end\": {\"conditions\": [{\"type\": \"later\"}]}}, \"invoice_history\""));
        assertRefused("features: required", MINIMAL.replace("\"features\"", "\"feature\""));
        assertRefused("metadata.portico_hash: reserved for Portico", MINIMAL.replace("{\"business_profile\"",
                "{\"metadata\": {\"portico_hash\": \"x\"}, \"business_profile\""));
        assertRefused("is not JSON", "{\"features\": ");
    }

    private static void assertRefused(String expected, String json) {
        InvalidPortalConfiguration refused = assertThrows(InvalidPortalConfiguration.class,
                () -> PortalConfigurationFile.parse(json, "portal.json"));
        assertTrue(refused.getMessage().startsWith("portal.json"), refused::getMessage);
        assertTrue(refused.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + refused.getMessage());
    }
}
