package dev.portico.billing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.BillingAccount.SnapshotOutcome;
import java.time.Instant;
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

    private static SubscriptionSnapshot snapshot(String id, String status, boolean cancelAtPeriodEnd, Instant created) {
        return new SubscriptionSnapshot(id, status, created, "price_1", "prod_1", T0.plusSeconds(86_400), null,
                cancelAtPeriodEnd, null, null, null, null, null, null);
    }
}
