package dev.portico.workspace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portico.workspace.api.Access;
import dev.portico.workspace.api.AccessDecision;
import dev.portico.workspace.api.Operation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRuleTest {

    private static final Instant PERIOD_END = Instant.parse("2026-08-01T10:00:00Z");
    private static final Instant FAILED_AT = Instant.parse("2026-07-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-07-25T12:00:00Z");
    private final AccessRule noGrace = new AccessRule(Duration.ZERO, Access.READ_ONLY);

    @ParameterizedTest
    @CsvSource({
        "active, FULL, ",
        "trialing, FULL, ",
        "past_due, READ_ONLY, PAYMENT_PAST_DUE",
        "incomplete, READ_ONLY, SUBSCRIPTION_INCOMPLETE",
        "paused, READ_ONLY, SUBSCRIPTION_PAUSED",
        "canceled, READ_ONLY, SUBSCRIPTION_CANCELED",
        "unpaid, NONE, SUBSCRIPTION_UNPAID",
        "incomplete_expired, NONE, SUBSCRIPTION_EXPIRED",
        "none, READ_ONLY, NO_SUBSCRIPTION",
        "some_future_status, READ_ONLY, SUBSCRIPTION_INACTIVE"
    })
    void everyRowOfTheTable(String status, Access access, String code) {
        AccessDecision decision = noGrace.decide(standing(status), NOW);
        assertEquals(access, decision.access(), status);
        assertEquals(code, decision.code(), status);
    }

    @Test
    void aCanceledSubscriptionIsReadableUntilItsPaidPeriodEndsThenBlocked() {
        Standing canceled = standing("canceled");
        AccessDecision before = noGrace.decide(canceled, PERIOD_END.minusSeconds(1));
        assertEquals(Access.READ_ONLY, before.access());
        assertEquals(PERIOD_END, before.until(), "read-only until the paid period ends");
        AccessDecision after = noGrace.decide(canceled, PERIOD_END);
        assertEquals(Access.NONE, after.access());
        assertEquals("SUBSCRIPTION_EXPIRED", after.code());
        assertNull(after.until(), "blocked until billing changes");
        assertEquals(Access.NONE, noGrace.decide(canceled, PERIOD_END.plusSeconds(1)).access());
    }

    @Test
    void graceExtendsTheReadableTimeOfACanceledSubscription() {
        AccessRule rule = new AccessRule(Duration.ofDays(3), Access.READ_ONLY);
        Standing canceled = standing("canceled");
        assertEquals(Access.READ_ONLY, rule.decide(canceled, PERIOD_END.plus(Duration.ofDays(3)).minusSeconds(1)).access());
        assertEquals(Access.NONE, rule.decide(canceled, PERIOD_END.plus(Duration.ofDays(3))).access());
    }

    @Test
    void withoutAPeriodEndACanceledSubscriptionCountsFromItsCancellation() {
        Standing canceled = new Standing("canceled", null, FAILED_AT, FAILED_AT);
        assertEquals(Access.NONE, noGrace.decide(canceled, FAILED_AT).access());
        AccessRule rule = new AccessRule(Duration.ofDays(1), Access.READ_ONLY);
        assertEquals(Access.READ_ONLY, rule.decide(canceled, FAILED_AT.plusSeconds(60)).access());
    }

    @Test
    void graceKeepsFullAccessForAWhileAfterAPaymentStartsFailing() {
        AccessRule rule = new AccessRule(Duration.ofDays(2), Access.READ_ONLY);
        Standing pastDue = standing("past_due");
        AccessDecision inGrace = rule.decide(pastDue, FAILED_AT.plus(Duration.ofDays(2)).minusSeconds(1));
        assertEquals(Access.FULL, inGrace.access());
        assertNull(inGrace.code());
        assertEquals(FAILED_AT.plus(Duration.ofDays(2)), inGrace.until(), "full until the grace ends");
        AccessDecision afterGrace = rule.decide(pastDue, FAILED_AT.plus(Duration.ofDays(2)));
        assertEquals("PAYMENT_PAST_DUE", afterGrace.code());
        assertNull(afterGrace.until(), "read-only until it is paid");
    }

    @Test
    void graceDoesNotSoftenOtherStates() {
        AccessRule rule = new AccessRule(Duration.ofDays(30), Access.READ_ONLY);
        assertEquals(Access.NONE, rule.decide(standing("unpaid"), NOW).access());
        assertEquals(Access.READ_ONLY, rule.decide(standing("paused"), NOW).access());
        assertEquals(Access.READ_ONLY, rule.decide(standing("incomplete"), NOW).access());
    }

    @Test
    void theUnsubscribedLevelIsConfigurable() {
        assertEquals(Access.FULL, new AccessRule(Duration.ZERO, Access.FULL).decide(Standing.NONE, NOW).access());
        assertNull(new AccessRule(Duration.ZERO, Access.FULL).decide(Standing.NONE, NOW).code());
        AccessDecision none = new AccessRule(Duration.ZERO, Access.NONE).decide(Standing.NONE, NOW);
        assertEquals(Access.NONE, none.access());
        assertEquals("NO_SUBSCRIPTION", none.code());
    }

    @Test
    void readsNeedReadOnlyAndWritesNeedFull() {
        assertEquals(true, Operation.READ.allowedWith(Access.READ_ONLY));
        assertEquals(false, Operation.READ.allowedWith(Access.NONE));
        assertEquals(false, Operation.WRITE.allowedWith(Access.READ_ONLY));
        assertEquals(true, Operation.WRITE.allowedWith(Access.FULL));
    }

    @Test
    void settingsRefuseUnknownLevelsAndNegativeDurations() {
        assertEquals(Access.READ_ONLY, EnforcementSettings.access(" read-only"));
        assertThrows(IllegalArgumentException.class, () -> EnforcementSettings.access("readonly"));
        assertThrows(IllegalArgumentException.class,
                () -> new EnforcementSettings(Duration.ofSeconds(-1), "full", Duration.ZERO, 10, Duration.ofMinutes(1)));
    }

    @Test
    void theCopyKeepsTheNewestState() {
        Standing older = new Standing("active", PERIOD_END, FAILED_AT, FAILED_AT);
        Standing newer = new Standing("past_due", PERIOD_END, NOW, NOW);
        assertEquals(true, older.olderThan(newer));
        assertEquals(false, newer.olderThan(older));
        assertEquals(true, Standing.NONE.olderThan(older));
        assertEquals(false, older.olderThan(Standing.NONE));
    }

    private static Standing standing(String status) {
        return new Standing(status, PERIOD_END, FAILED_AT, FAILED_AT);
    }
}
