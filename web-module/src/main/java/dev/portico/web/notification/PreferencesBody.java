package dev.portico.web.notification;

import dev.portico.web.JsonBodies;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/** The body of {@code PUT /api/notifications/preferences}: {@code {"billingEmails": true|false}}. */
record PreferencesBody(@NotNull(message = "'billingEmails' is required: true or false.") Boolean billingEmails) {

    static final int MAX_BYTES = 1024;

    /** Anything but JSON's true or false (a string, a number, null, nothing) is no answer. */
    static PreferencesBody parse(String body) {
        JsonValue wanted = JsonBodies.object(body, Set.of("billingEmails")).get("billingEmails");
        return new PreferencesBody(wanted == JsonValue.TRUE ? Boolean.TRUE : wanted == JsonValue.FALSE ? Boolean.FALSE : null);
    }
}
