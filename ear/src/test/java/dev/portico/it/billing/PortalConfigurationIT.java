package dev.portico.it.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Pipeline;
import dev.portico.it.support.StripeStandIn;
import dev.portico.it.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's configuration as code through the deployed EAR: the server keeps the repository's
 * example file ({@code examples/portal/portal-configuration.json}, copied to {@code target}) in the
 * Stripe stand-in. A test edits the file or the stand-in's configuration (as someone in Stripe's
 * dashboard would), asks the server to check now ({@code POST /api/operator/portal-configuration/sync}),
 * and puts the file back. Nothing of it is in the database: the PostgreSQL pass leaves it out (ear/pom.xml).
 */
class PortalConfigurationIT extends DeployedEar {

    private static final String CONFIGURATIONS = "/v1/billing_portal/configurations";
    private static final Path FILE = Path.of(System.getProperty("it.portal.configuration"));

    private String original;

    @BeforeEach
    void keepTheFile() throws IOException {
        original = Files.readString(FILE);
        assertEquals("IN_SYNC", sync().getString("status"), "the example configuration is in place");
    }

    @AfterEach
    void putTheFileBack() throws IOException {
        Files.writeString(FILE, original);
        sync();
    }

    @Test
    void theConfigurationIsCreatedOnceAndNotWrittenAgainWhileUnchanged() {
        stripe.portalConfigurations().forget();

        JsonObject created = sync();
        JsonObject again = sync();

        assertEquals("CREATED", created.getString("status"), created::toString);
        assertEquals("IN_SYNC", again.getString("status"), again::toString);
        assertEquals(created.getString("configuration"), again.getString("configuration"));
        List<JsonObject> porticos = stripe.portalConfigurations().porticos();
        assertEquals(1, porticos.size(), porticos::toString);
        assertEquals(created.getString("hash"), porticos.get(0).getJsonObject("metadata").getString("portico_hash"));
        assertEquals("Example Co. billing", porticos.get(0).getJsonObject("business_profile").getString("headline"));
        assertEquals(1, stripe.writesTo(CONFIGURATIONS), "one create, no update");
    }

    @Test
    void aChangedFileIsWrittenToTheSameConfiguration() {
        String before = sync().getString("configuration");
        edit("\"headline\": \"Example Co. billing\"", "\"headline\": \"Example Co. accounts\"");

        JsonObject updated = sync();

        assertEquals("UPDATED", updated.getString("status"), updated::toString);
        assertEquals(before, updated.getString("configuration"));
        assertEquals(List.of(), updated.getJsonArray("drift"));
        JsonObject inStripe = only();
        assertEquals("Example Co. accounts", inStripe.getJsonObject("business_profile").getString("headline"));
        assertEquals(updated.getString("hash"), inStripe.getJsonObject("metadata").getString("portico_hash"));
        assertEquals(1, stripe.writesTo(CONFIGURATIONS + "/" + before));
    }

    @Test
    void aDashboardEditIsDetectedAndRepaired() {
        String id = sync().getString("configuration");
        stripe.portalConfigurations().edit(id, configuration -> {
            JsonObject features = configuration.getJsonObject("features");
            JsonObject cancel = Json.createObjectBuilder(features.getJsonObject("subscription_cancel"))
                    .add("mode", "immediately").build();
            return Json.createObjectBuilder(configuration)
                    .add("features", Json.createObjectBuilder(features).add("subscription_cancel", cancel)).build();
        });

        JsonObject repaired = sync();
        JsonObject ready = api.get("health/ready", null).json();

        assertEquals("UPDATED", repaired.getString("status"), repaired::toString);
        assertEquals(List.of("features.subscription_cancel.mode"),
                repaired.getJsonArray("drift").getValuesAs(JsonString::getString));
        assertEquals("at_period_end", only().getJsonObject("features").getJsonObject("subscription_cancel").getString("mode"));
        assertEquals("IN_SYNC", sync().getString("status"));
        assertTrue(ready.toString().contains("\"portal-configuration\""), ready::toString);
    }

    @Test
    void everyPortalSessionNamesTheConfiguration() {
        String id = sync().getString("configuration");
        String workspace = Tokens.newWorkspace();

        Reply session = api.post("api/billing/portal-session", Tokens.billingAdmin(workspace),
                "{\"flow\": \"payment_method_update\"}");

        assertEquals(200, session.status(), session::toString);
        Map<String, Object> form = StripeStandIn.form(stripe.portalSessions(workspace).get(0));
        assertEquals(id, form.get("configuration"));
    }

    @Test
    void aFlowTheConfigurationDoesNotOfferIsRefusedBeforeStripeIsCalled() {
        edit("\"payment_method_update\": {\"enabled\": true}", "\"payment_method_update\": {\"enabled\": false}");
        JsonObject synced = sync();
        String workspace = Tokens.newWorkspace();
        String token = Tokens.billingAdmin(workspace);

        Reply refused = api.post("api/billing/portal-session", token, "{\"flow\": \"payment_method_update\"}");
        Reply home = api.post("api/billing/portal-session", token, null);
        JsonObject overview = api.get("api/billing/overview", token).json();

        assertEquals(List.of("subscription_cancel", "subscription_update", "subscription_update_confirm"),
                synced.getJsonArray("flows").getValuesAs(JsonString::getString));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("FLOW_NOT_ENABLED", refused.error());
        assertEquals(200, home.status(), "the portal's home needs no flow: " + home);
        assertEquals(1, stripe.portalSessions(workspace).size(), "only the home session reached Stripe");
        assertEquals(List.of("subscription_cancel", "subscription_update", "subscription_update_confirm"),
                overview.getJsonArray("portalFlows").getValuesAs(JsonString::getString));
    }

    @Test
    void aFileStripeWouldRefuseIsReportedAndTheLastConfigurationStaysInUse() {
        String id = sync().getString("configuration");
        edit("\"mode\": \"at_period_end\"", "\"mode\": \"whenever\"");

        JsonObject refused = sync();
        Reply session = api.post("api/billing/portal-session", Tokens.billingAdmin(Tokens.newWorkspace()), null);
        String ready = api.get("health/ready", null).body();

        assertEquals("INVALID_FILE", refused.getString("status"), refused::toString);
        assertTrue(refused.getString("error").contains("features.subscription_cancel.mode"), refused::toString);
        assertEquals(id, refused.getString("configuration"));
        assertEquals(200, session.status(), session::toString);
        assertEquals(0, stripe.writesTo(CONFIGURATIONS), "nothing was written to Stripe");
        assertTrue(ready.contains("INVALID_FILE"), ready);
        assertFalse(ready.contains(FILE.getFileName().toString()) || ready.contains("subscription_cancel"),
                "the unauthenticated readiness answer names no path and no problem: " + ready);
    }

    private JsonObject sync() {
        Reply reply = api.post("api/operator/portal-configuration/sync", Pipeline.operatorToken(), null);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private JsonObject only() {
        List<JsonObject> porticos = stripe.portalConfigurations().porticos();
        assertEquals(1, porticos.size(), porticos::toString);
        return porticos.get(0);
    }

    /** Edits the file in place; an edit that matches nothing fails the test. */
    private static void edit(String from, String to) {
        try {
            String text = Files.readString(FILE);
            assertTrue(text.contains(from), () -> "the configuration file has no " + from);
            Files.writeString(FILE, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
