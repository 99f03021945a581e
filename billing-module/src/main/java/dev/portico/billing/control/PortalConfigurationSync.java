package dev.portico.billing.control;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.portico.billing.control.PortalConfigurationState.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One check of the portal configuration against Stripe: find Portico's (tagged in its metadata),
 * create it when there is none, write it again when the file's hash changed, and compare it field by
 * field when not, repairing what someone changed in the dashboard ({@link Mode#ENFORCE}) or only
 * reporting it ({@link Mode#REPORT}). An unchanged configuration costs one list request and no write.
 */
@ApplicationScoped
public class PortalConfigurationSync {

    /** What a check does about drift. */
    public enum Mode { ENFORCE, REPORT }

    @Inject
    StripeGateway stripe;

    public PortalConfigurationState run(DesiredPortal desired, Mode mode, PortalConfigurationState before, Instant now) {
        List<JsonObject> managed = stripe.listPortalConfigurations().stream().filter(PortalConfigurationSync::tagged).toList();
        Optional<JsonObject> found = managed.stream().filter(each -> desired.hash().equals(hashOf(each))).findFirst()
                .or(() -> managed.stream().max(Comparator.comparingLong(each -> each.get("created").getAsLong())));
        if (found.isEmpty()) {
            // Two nodes creating at once send the same key (file and day): Stripe makes one configuration.
            String key = "portico-portal-" + desired.hash().substring(0, 32) + "-" + now.atZone(ZoneOffset.UTC).toLocalDate();
            JsonObject created = stripe.createPortalConfiguration(params(desired), key);
            return before.after(Status.CREATED, created.get("id").getAsString(), List.of(), now, null);
        }
        String id = found.get().get("id").getAsString();
        if (!desired.hash().equals(hashOf(found.get()))) {
            stripe.updatePortalConfiguration(id, params(desired));
            return before.after(Status.UPDATED, id, List.of(), now, null);
        }
        List<String> drift = PortalDrift.between(desired.params(), found.get());
        if (drift.isEmpty()) {
            return before.after(Status.IN_SYNC, id, List.of(), now, null);
        }
        if (mode == Mode.REPORT) {
            return before.after(Status.DRIFTED, id, drift, now, null);
        }
        stripe.updatePortalConfiguration(id, params(desired));
        return before.after(Status.UPDATED, id, drift, now, null);
    }

    private static boolean tagged(JsonObject configuration) {
        JsonElement metadata = configuration.get("metadata");
        return metadata != null && metadata.isJsonObject() && metadata.getAsJsonObject().has(PortalConfigurationFile.TAG)
                && "true".equals(metadata.getAsJsonObject().get(PortalConfigurationFile.TAG).getAsString());
    }

    private static String hashOf(JsonObject configuration) {
        JsonElement hash = configuration.getAsJsonObject("metadata").get(PortalConfigurationFile.HASH);
        return hash == null || hash.isJsonNull() ? null : hash.getAsString();
    }

    /** The file's parameters as stripe-java encodes them, plus Portico's tag and the file's hash. */
    static Map<String, Object> params(DesiredPortal desired) {
        JsonObject params = desired.params();
        JsonObject metadata = params.has("metadata") ? params.getAsJsonObject("metadata") : new JsonObject();
        metadata.addProperty(PortalConfigurationFile.TAG, "true");
        metadata.addProperty(PortalConfigurationFile.HASH, desired.hash());
        params.add("metadata", metadata);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(params);
        return map;
    }

    private static Object plain(JsonElement json) {
        if (json.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            json.getAsJsonObject().entrySet().forEach(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (json.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            json.getAsJsonArray().forEach(item -> list.add(plain(item)));
            return list;
        }
        if (json.isJsonNull()) {
            return null;
        }
        return json.getAsJsonPrimitive().isBoolean() ? json.getAsBoolean() : json.getAsString();
    }
}
