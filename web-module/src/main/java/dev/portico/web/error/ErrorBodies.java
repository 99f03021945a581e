package dev.portico.web.error;

import dev.portico.web.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Builds Portico's one error shape. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static String json(String code, String message) {
        return object(code, message).build().toString();
    }

    /** The error shape, for a body that adds fields of its own. */
    public static JsonObjectBuilder object(String code, String message) {
        return Jsons.object().add("error", code).add("message", message);
    }

    public static Response response(ApiError error) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(json(error.code(), error.getMessage()));
        if (error.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(error.retryAfter()));
        }
        if (error.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    /** Whole seconds, rounded up, at least one: a client that waits that long gets a slot. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
