package dev.portico.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        assertEquals(40, ErrorBodies.retryAfterSeconds(Duration.ofSeconds(40)));
        assertEquals(41, ErrorBodies.retryAfterSeconds(Duration.ofMillis(40_001)));
        assertEquals(1, ErrorBodies.retryAfterSeconds(Duration.ZERO));
    }

    @Test
    void theErrorShapeIsCodeAndMessage() {
        assertEquals("{\"error\":\"NOT_FOUND\",\"message\":\"No \\\"such\\\" thing.\"}",
                ErrorBodies.json("NOT_FOUND", "No \"such\" thing."));
    }
}
