package dev.portico.billing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.BillingAccount.SnapshotOutcome;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BillingAccountTest {

    private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");
    private final BillingAccount account = new BillingAccount(new WorkspaceId("ws-1"), T0);

    @Test
    void laterSnapshotsWinAndOlderOnesAreStale() {
        assertEquals(SnapshotOutcome.APPLIED, account.applySubscription(snapshot("sub_1", "active", false, T0), T0.plusSeconds(10), T0));
        assertEquals(SnapshotOutcome.APPLIED, account.applySubscription(snapshot("sub_1", "past_due", false, T0), T0.plusSeconds(20), T0));

        assertEquals(SnapshotOutcome.STALE, account.applySubscription(snapshot("sub_1", "active", false, T0), T0.plusSeconds(15), T0));
        assertEquals("past_due", account.status().status());
    }

    @Test
    void cancellationIsFinalWhateverTheTimestamps() {
        account.applySubscription(snapshot("sub_1", "canceled", false, T0), T0.plusSeconds(10), T0);

        assertEquals(SnapshotOutcome.STALE, account.applySubscription(snapshot("sub_1", "active", false, T0), T0.plusSeconds(99), T0));
        assertEquals("canceled", account.status().status());
    }

    @Test
    void aTerminalSnapshotWinsATieButOtherDifferentSnapshotsInOneSecondAreATie() {
        account.applySubscription(snapshot("sub_1", "active", true, T0), T0.plusSeconds(10), T0);

        assertEquals(SnapshotOutcome.TIE, account.applySubscription(snapshot("sub_1", "active", false, T0), T0.plusSeconds(10), T0));
        assertEquals(SnapshotOutcome.APPLIED, account.applySubscription(snapshot("sub_1", "active", true, T0), T0.plusSeconds(10), T0),
                "the same snapshot again is no tie");
        assertEquals(SnapshotOutcome.APPLIED, account.applySubscription(snapshot("sub_1", "canceled", false, T0), T0.plusSeconds(10), T0));
    }

    @Test
    void theWorkspaceFollowsItsNewestSubscription() {
        account.applySubscription(snapshot("sub_new", "active", false, T0.plusSeconds(100)), T0.plusSeconds(100), T0);

        assertEquals(SnapshotOutcome.STALE,
                account.applySubscription(snapshot("sub_old", "canceled", false, T0), T0.plusSeconds(200), T0));
        assertEquals("active", account.status().status());
    }

    @Test
    void aScheduledSwitchIsHeldUntilTheSubscriptionTakesItsPrice() {
        account.applySubscription(snapshot("sub_1", "active", false, T0), T0.plusSeconds(10), T0);
        Instant at = T0.plusSeconds(86_400);

        assertTrue(account.applySchedule(schedule("sub_1", "price_2", at), T0.plusSeconds(20), T0));
        assertFalse(account.applySchedule(schedule("sub_1", "price_2", at), T0.plusSeconds(21), T0), "nothing new");
        assertEquals(Optional.of(new BillingAccount.PendingChange("price_2", at)), account.pendingChange());

        account.applySubscription(new SubscriptionSnapshot("sub_1", "active", T0, "price_2", "prod_2", at.plusSeconds(86_400),
                null, false, null, null, null, null, null, null), T0.plusSeconds(30), T0);

        assertEquals(Optional.empty(), account.pendingChange(), "applied");
        assertFalse(account.applySchedule(schedule("sub_1", "price_3", at), T0.plusSeconds(25), T0),
                "a schedule event older than the switch brings nothing back");
        assertEquals(Optional.empty(), account.pendingChange());
    }

    @Test
    void aReleasedScheduleOrAnotherSubscriptionsLeavesNothingPending() {
        account.applySubscription(snapshot("sub_1", "active", false, T0), T0.plusSeconds(10), T0);
        account.applySchedule(schedule("sub_1", "price_2", T0.plusSeconds(86_400)), T0.plusSeconds(20), T0);

        assertFalse(account.applySchedule(schedule("sub_other", "price_3", T0), T0.plusSeconds(30), T0));
        assertTrue(account.applySchedule(new ScheduleSnapshot("sub_1", Optional.empty(), Optional.empty()),
                T0.plusSeconds(40), T0));
        assertEquals(Optional.empty(), account.pendingChange());
        assertFalse(account.applySchedule(schedule("sub_1", "price_1", T0), T0.plusSeconds(50), T0),
                "a phase at the price it has is no change");
    }

    private static ScheduleSnapshot schedule(String subscription, String price, Instant at) {
        return new ScheduleSnapshot(subscription, Optional.of(price), Optional.of(at));
    }

    private static SubscriptionSnapshot snapshot(String id, String status, boolean cancelAtPeriodEnd, Instant created) {
        return new SubscriptionSnapshot(id, status, created, "price_1", "prod_1", T0.plusSeconds(86_400), null,
                cancelAtPeriodEnd, null, null, null, null, null, null);
    }
}
