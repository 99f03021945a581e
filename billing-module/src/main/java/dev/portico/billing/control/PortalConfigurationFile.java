package dev.portico.billing.control;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.portico.billing.api.PortalFlow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code portico.portal.configuration-file}: a JSON object of Stripe's parameters for
 * {@code POST /v1/billing_portal/configurations}, checked against Stripe's own schema of them
 * (shipped as {@code stripe/portal-configuration-params.json}). A file Stripe would refuse is
 * refused here, naming the field, before anything is sent.
 */
public final class PortalConfigurationFile {

    /** Metadata Portico writes into the configuration: the tag that finds it, and the file's hash. */
    public static final String TAG = "portico_managed";
    public static final String HASH = "portico_hash";

    private static final ParamsSchema SCHEMA = new ParamsSchema(schema());
    private static final Map<String, PortalFlow> FLOW_FEATURES = Map.of(
            "payment_method_update", PortalFlow.PAYMENT_METHOD_UPDATE,
            "subscription_cancel", PortalFlow.SUBSCRIPTION_CANCEL,
            "subscription_update", PortalFlow.SUBSCRIPTION_UPDATE);

    private PortalConfigurationFile() {
    }

    /** The file's configuration; {@link InvalidPortalConfiguration} names what is wrong with it. */
    public static DesiredPortal read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidPortalConfiguration(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, file.toString());
    }

    static DesiredPortal parse(String text, String source) {
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new InvalidPortalConfiguration(source + " is not JSON");
        }
        if (!json.isJsonObject()) {
            throw new InvalidPortalConfiguration(source + ": a JSON object of Stripe's portal configuration parameters expected");
        }
        JsonObject params = json.getAsJsonObject();
        List<String> problems = SCHEMA.problems(params);
        if (params.has("metadata") && params.get("metadata").isJsonObject()) {
            JsonObject metadata = params.getAsJsonObject("metadata");
            for (String reserved : List.of(TAG, HASH)) {
                if (metadata.has(reserved)) {
                    problems.add("metadata." + reserved + ": reserved for Portico");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPortalConfiguration(source + ": " + String.join("; ", problems));
        }
        return new DesiredPortal(params, hash(params), flows(params));
    }

    /** SHA-256 of the parameters with keys sorted: the same content hashes the same, however written. */
    static String hash(JsonObject params) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(params).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(JsonElement json) {
        if (json.isJsonObject()) {
            Map<String, JsonElement> sorted = new TreeMap<>(json.getAsJsonObject().asMap());
            StringBuilder out = new StringBuilder("{");
            sorted.forEach((key, value) -> out.append(out.length() > 1 ? "," : "").append('"').append(key).append("\":")
                    .append(canonical(value)));
            return out.append('}').toString();
        }
        if (json.isJsonArray()) {
            StringBuilder out = new StringBuilder("[");
            json.getAsJsonArray().forEach(item -> out.append(out.length() > 1 ? "," : "").append(canonical(item)));
            return out.append(']').toString();
        }
        return json.toString();
    }

    /**
     * The deep-link flows whose feature the file enables; a feature it leaves out is off, as in
     * Stripe. A switch to one price ({@code subscription_update_confirm}) rides on the update feature.
     */
    private static Set<PortalFlow> flows(JsonObject params) {
        Set<PortalFlow> flows = EnumSet.noneOf(PortalFlow.class);
        JsonObject features = params.has("features") ? params.getAsJsonObject("features") : new JsonObject();
        FLOW_FEATURES.forEach((feature, flow) -> {
            if (features.has(feature) && features.getAsJsonObject(feature).has("enabled")
                    && features.getAsJsonObject(feature).get("enabled").getAsBoolean()) {
                flows.add(flow);
                if (flow == PortalFlow.SUBSCRIPTION_UPDATE) {
                    flows.add(PortalFlow.SUBSCRIPTION_UPDATE_CONFIRM);
                }
            }
        });
        return flows;
    }

    private static JsonObject schema() {
        try (InputStream in = PortalConfigurationFile.class.getResourceAsStream("/stripe/portal-configuration-params.json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject("schema");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration file Portico cannot use: the message names the file and each wrong field. */
    public static class InvalidPortalConfiguration extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidPortalConfiguration(String message) {
            super(message);
        }
    }
}
