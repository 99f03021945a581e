package dev.portico.web.workspace;

import dev.portico.web.Jsons;
import dev.portico.workspace.api.AccessDecision;
import jakarta.json.JsonObjectBuilder;

/** How an access decision reads in JSON: {@code access}, {@code accessCode} (null when full), {@code accessMessage}. */
public final class AccessJson {

    private AccessJson() {
    }

    public static JsonObjectBuilder add(JsonObjectBuilder json, AccessDecision decision) {
        json.add("access", decision.access().wireName());
        return Jsons.addOrNull(json, "accessCode", decision.code()).add("accessMessage", decision.message());
    }
}
