package dev.portico.web.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portico.web.RequestBodies;
import dev.portico.web.error.ApiError;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code billingEmails} must be JSON's true or false; anything else is refused, not read as false. */
class PreferencesBodyTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void trueAndFalseAreTheAnswers() {
        assertEquals(true, RequestBodies.valid(VALIDATOR, PreferencesBody.parse("{\"billingEmails\": true}")).billingEmails());
        assertEquals(false, RequestBodies.valid(VALIDATOR, PreferencesBody.parse("{\"billingEmails\": false}")).billingEmails());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"billingEmails\": null}", "{\"billingEmails\": \"false\"}", "{\"billingEmails\": 0}"})
    void anythingElseIsRefused(String body) {
        ApiError refused = assertThrows(ApiError.class, () -> RequestBodies.valid(VALIDATOR, PreferencesBody.parse(body)));
        assertEquals("INVALID_REQUEST", refused.code());
        assertEquals("'billingEmails' is required: true or false.", refused.getMessage());
    }
}
