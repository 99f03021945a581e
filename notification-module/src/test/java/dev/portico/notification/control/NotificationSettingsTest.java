package dev.portico.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationSettingsTest {

    @Test
    void remindersAreSortedPositiveDurations() {
        assertEquals(List.of(Duration.ofDays(3), Duration.ofDays(7)), NotificationSettings.parseReminders("P7D, P3D"));
        assertEquals(List.of(), NotificationSettings.parseReminders(" "));
        assertThrows(IllegalArgumentException.class, () -> NotificationSettings.parseReminders("3 days"));
        assertThrows(IllegalArgumentException.class, () -> NotificationSettings.parseReminders("P3D,PT0S"));
    }

    @Test
    void backoffDoublesUpToItsCapAndEndsWithTheAttempts() {
        NotificationSettings settings = new NotificationSettings();
        settings.retryBackoff = Duration.ofSeconds(30);
        settings.retryBackoffMax = Duration.ofMinutes(10);
        settings.maxAttempts = 8;

        assertEquals(Duration.ofSeconds(30), settings.backoffAfter(1));
        assertEquals(Duration.ofSeconds(60), settings.backoffAfter(2));
        assertEquals(Duration.ofMinutes(8), settings.backoffAfter(5));
        assertEquals(Duration.ofMinutes(10), settings.backoffAfter(6));
        assertEquals(Duration.ofMinutes(10), settings.backoffAfter(7));
        assertNull(settings.backoffAfter(8));
    }
}
