package dev.portico.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DunningSequenceTest {

    private static final Instant FIRST_FAILURE = Instant.parse("2026-08-01T10:00:00Z");
    private static final List<Duration> DAY_3_AND_7 = List.of(Duration.ofDays(3), Duration.ofDays(7));

    @Test
    void remindersFallDueCountedFromTheFirstFailure() {
        DunningSequence sequence = new DunningSequence("in_1", "ws-1", FIRST_FAILURE, DAY_3_AND_7);
        assertEquals(1, sequence.remindersSent());
        assertEquals(FIRST_FAILURE.plus(Duration.ofDays(3)), sequence.nextReminderAt());

        assertEquals(2, sequence.advance(DAY_3_AND_7));
        assertEquals(FIRST_FAILURE.plus(Duration.ofDays(7)), sequence.nextReminderAt());

        assertEquals(3, sequence.advance(DAY_3_AND_7));
        assertNull(sequence.nextReminderAt(), "the schedule is done");
    }

    @Test
    void aStoppedSequenceHasNothingDue() {
        DunningSequence sequence = new DunningSequence("in_1", "ws-1", FIRST_FAILURE, DAY_3_AND_7);
        sequence.stop("invoice paid", FIRST_FAILURE.plusSeconds(60));
        assertFalse(sequence.isActive());
        assertNull(sequence.nextReminderAt());
    }

    @Test
    void withoutRemindersOnlyTheFirstEmailGoes() {
        assertNull(new DunningSequence("in_1", "ws-1", FIRST_FAILURE, List.of()).nextReminderAt());
    }
}
