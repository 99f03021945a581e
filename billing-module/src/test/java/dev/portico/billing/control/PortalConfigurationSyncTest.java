package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.portico.billing.api.PortalFlow;
import dev.portico.billing.control.PortalConfigurationState.Status;
import dev.portico.billing.control.PortalConfigurationSync.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A check writes only what differs: once to create, again when the file or (in enforce mode) Stripe changed. */
class PortalConfigurationSyncTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String FILE = """
            {"business_profile": {"headline": "Acme billing"},
             "features": {"subscription_cancel": {"enabled": true, "mode": "at_period_end"}}}""";

    private final FakeStripe stripe = new FakeStripe();
    private final PortalConfigurationSync sync = new PortalConfigurationSync();

    PortalConfigurationSyncTest() {
        sync.stripe = stripe;
    }

    @Test
    void noneInStripeIsCreatedOnceWithAKeyOfTheFileAndTheDay() {
        DesiredPortal file = PortalConfigurationFile.parse(FILE, "f");

        PortalConfigurationState first = sync.run(file, Mode.ENFORCE, pending(file), NOW);
        PortalConfigurationState second = sync.run(file, Mode.ENFORCE, first, NOW.plusSeconds(60));

        assertEquals(Status.CREATED, first.status());
        assertEquals(Status.IN_SYNC, second.status());
        assertEquals(first.configuration(), second.configuration());
        assertEquals(List.of("create portico-portal-" + file.hash().substring(0, 32) + "-2026-12-06"), stripe.writes);
    }

    @Test
    void aChangedFileIsWrittenToTheSameConfiguration() {
        DesiredPortal file = PortalConfigurationFile.parse(FILE, "f");
        PortalConfigurationState created = sync.run(file, Mode.ENFORCE, pending(file), NOW);
        DesiredPortal changed = PortalConfigurationFile.parse(FILE.replace("Acme billing", "Acme"), "f");

        PortalConfigurationState updated = sync.run(changed, Mode.REPORT, created, NOW);

        assertEquals(Status.UPDATED, updated.status());
        assertEquals(List.of(), updated.drift(), "the file changed: nothing was drift");
        assertEquals("update " + created.configuration(), stripe.writes.get(1));
        assertEquals(changed.hash(), stripe.configurations.get(0).getAsJsonObject("metadata").get("portico_hash").getAsString());
    }

    @Test
    void aDashboardEditIsRepairedInEnforceModeAndOnlyReportedInReportMode() {
        DesiredPortal file = PortalConfigurationFile.parse(FILE, "f");
        PortalConfigurationState created = sync.run(file, Mode.ENFORCE, pending(file), NOW);
        stripe.configurations.get(0).getAsJsonObject("features").getAsJsonObject("subscription_cancel")
                .addProperty("mode", "immediately");

        PortalConfigurationState reported = sync.run(file, Mode.REPORT, created, NOW);
        PortalConfigurationState repaired = sync.run(file, Mode.ENFORCE, reported, NOW);
        PortalConfigurationState after = sync.run(file, Mode.ENFORCE, repaired, NOW);

        assertEquals(Status.DRIFTED, reported.status());
        assertEquals(List.of("features.subscription_cancel.mode"), reported.drift());
        assertEquals(Status.UPDATED, repaired.status());
        assertEquals(List.of("features.subscription_cancel.mode"), repaired.drift());
        assertEquals(Status.IN_SYNC, after.status());
        assertEquals(2, stripe.writes.size(), "one create, one repair: " + stripe.writes);
    }

    @Test
    void configurationsNotTaggedAsPorticosAreLeftAlone() {
        JsonObject theirs = new Gson().fromJson("{\"id\": \"bpc_theirs\", \"created\": 1, \"metadata\": {},"
                + " \"business_profile\": {\"headline\": \"Acme billing\"}}", JsonObject.class);
        stripe.configurations.add(theirs);
        DesiredPortal file = PortalConfigurationFile.parse(FILE, "f");

        PortalConfigurationState created = sync.run(file, Mode.ENFORCE, pending(file), NOW);

        assertEquals(Status.CREATED, created.status());
        assertTrue(stripe.writes.stream().noneMatch(write -> write.contains("bpc_theirs")), stripe.writes::toString);
    }

    private static PortalConfigurationState pending(DesiredPortal file) {
        return new PortalConfigurationState(Status.PENDING, null, file.hash(), EnumSet.noneOf(PortalFlow.class), List.of(),
                null, null);
    }

    /** Stripe's portal configurations in memory: a create or update stores what the params say. */
    private static final class FakeStripe extends StripeGateway {
        final List<JsonObject> configurations = new ArrayList<>();
        final List<String> writes = new ArrayList<>();

        @Override
        public List<JsonObject> listPortalConfigurations() {
            return configurations.stream().map(JsonObject::deepCopy).toList();
        }

        @Override
        public JsonObject createPortalConfiguration(Map<String, Object> params, String idempotencyKey) {
            writes.add("create " + idempotencyKey);
            JsonObject created = new Gson().toJsonTree(params).getAsJsonObject();
            created.addProperty("id", "bpc_" + configurations.size());
            created.addProperty("created", configurations.size() + 1);
            configurations.add(created);
            return created;
        }

        @Override
        public JsonObject updatePortalConfiguration(String id, Map<String, Object> params) {
            writes.add("update " + id);
            JsonObject updated = new Gson().toJsonTree(params).getAsJsonObject();
            updated.addProperty("id", id);
            configurations.replaceAll(each -> each.get("id").getAsString().equals(id) ? updated : each);
            updated.addProperty("created", 1);
            return updated;
        }
    }
}
