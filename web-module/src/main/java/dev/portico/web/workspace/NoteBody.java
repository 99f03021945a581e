package dev.portico.web.workspace;

import dev.portico.web.JsonBodies;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The body of a new note, {@code {"text": "..."}}: 1 to {@value #MAX_TEXT} characters once trimmed. */
record NoteBody(
        @NotBlank(message = MESSAGE) @Size(max = NoteBody.MAX_TEXT, message = MESSAGE) String text) {

    static final int MAX_TEXT = 1000;
    /** The most a body may hold: the text, escaped, and its field name. */
    static final int MAX_BYTES = 4 * MAX_TEXT;
    private static final String MESSAGE = "'text' is required: 1 to " + MAX_TEXT + " characters.";

    static NoteBody parse(String body) {
        return new NoteBody(JsonBodies.optionalString(JsonBodies.object(body, Set.of("text")), "text")
                .map(String::strip).orElse(null));
    }
}
