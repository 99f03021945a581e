package dev.portico.web.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portico.web.RequestBodies;
import dev.portico.web.error.ApiError;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A note's text is its one field, 1 to 1000 characters once trimmed: the record's constraints say so. */
class NoteBodyTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void textIsTrimmedAndKept() {
        assertEquals("hello", RequestBodies.valid(VALIDATOR, NoteBody.parse("{\"text\": \"  hello \"}")).text());
        assertEquals(1000, RequestBodies.valid(VALIDATOR, NoteBody.parse("{\"text\": \"" + "a".repeat(1000) + "\"}")).text().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"text\": null}", "{\"text\": \"   \"}", "{\"text\": \"\"}"})
    void missingOrBlankTextIsRefused(String body) {
        assertRefused(body);
    }

    @Test
    void overlongTextIsRefused() {
        assertRefused("{\"text\": \"" + "a".repeat(1001) + "\"}");
    }

    private static void assertRefused(String body) {
        ApiError refused = assertThrows(ApiError.class, () -> RequestBodies.valid(VALIDATOR, NoteBody.parse(body)));
        assertEquals("INVALID_REQUEST", refused.code());
        assertEquals("'text' is required: 1 to 1000 characters.", refused.getMessage());
    }
}
