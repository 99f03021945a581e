package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheFirstDelayUpToAnHour() {
        Duration first = Duration.ofSeconds(30);

        assertEquals(Duration.ofSeconds(30), Backoff.after(first, 1));
        assertEquals(Duration.ofSeconds(60), Backoff.after(first, 2));
        assertEquals(Duration.ofMinutes(16), Backoff.after(first, 6));
        assertEquals(Duration.ofHours(1), Backoff.after(first, 8));
        assertEquals(Duration.ofHours(1), Backoff.after(first, 500), "no overflow after many tries");
    }
}
