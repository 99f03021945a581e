package dev.portico.it.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DatabaseUnderTest;
import dev.portico.it.support.DeployedEar;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The MicroProfile Health endpoints a load balancer and an orchestrator probe, on the deployed
 * EAR: each check named, with what it found. (That a database outage makes a node unready, and
 * that it recovers, is proven in the PostgreSQL pass of WebhookIT's outage test.)
 */
public class HealthIT extends DeployedEar {

    @Test
    void readinessChecksTheDatabaseTheSchemaOfEveryModuleTheSettingsAndThePortalConfiguration() {
        Reply ready = api.get("health/ready", null);

        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().getString("status"));
        Map<String, JsonObject> checks = checks(ready);
        assertEquals(Set.of("database", "schema", "settings", "portal-configuration"), checks.keySet(), ready::toString);
        checks.values().forEach(check -> assertEquals("UP", check.getString("status"), check::toString));
        String product = checks.get("database").getJsonObject("data").getString("product");
        assertEquals(DatabaseUnderTest.postgresql() ? "PostgreSQL" : "Apache Derby", product);
        JsonObject schema = checks.get("schema").getJsonObject("data");
        for (String module : new String[] {"billing", "workspace", "notification"}) {
            assertTrue(schema.getString(module).matches("\\d+"), () -> module + ": " + schema);
        }
        assertEquals("none", checks.get("settings").getJsonObject("data").getString("missing"));
        // Up whatever Stripe answered: a first check at deployment may have found the stand-in not yet started.
        JsonObject portal = checks.get("portal-configuration").getJsonObject("data");
        assertTrue(Set.of("PENDING", "CREATED", "UPDATED", "IN_SYNC", "FAILED").contains(portal.getString("status")),
                portal::toString);
        assertTrue(portal.getString("configuration").equals("none") || portal.getString("configuration").startsWith("bpc_"),
                portal::toString);
        assertFalse(ready.body().contains(System.getProperty("it.stripe.api.key")), "the Stripe key is in the answer");
        assertFalse(ready.body().contains(System.getProperty("it.webhook.secret")), "the webhook secret is in the answer");
    }

    @Test
    void livenessChecksThatNoThreadsAreDeadlocked() {
        Reply live = api.get("health/live", null);

        assertEquals(200, live.status(), live::toString);
        JsonObject threads = checks(live).get("threads");
        assertEquals("UP", threads.getString("status"), live::toString);
        // Payara writes a check's numbers as JSON strings.
        assertEquals("0", threads.getJsonObject("data").get("deadlocked").toString().replace("\"", ""), live::toString);
    }

    public static Map<String, JsonObject> checks(Reply health) {
        return health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
    }
}
