package dev.portico.billing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who may apply a customer's events: the lease holder until its lease ends, then anyone. */
class ApplyClaimTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void aLeaseKeepsOtherNodesOutUntilItEnds() {
        ApplyClaim claim = new ApplyClaim("cus_1", NOW);

        assertTrue(claim.take("a", NOW.plus(LEASE), NOW));
        assertFalse(claim.take("b", NOW.plus(LEASE), NOW.plusSeconds(29)));
        assertFalse(claim.takeUntilCommit("b", NOW.plusSeconds(29)));
        assertTrue(claim.takeUntilCommit("b", NOW.plus(LEASE)), "a node that died is taken over once its lease ran out");
    }

    @Test
    void theHolderMayTakeItAgainAndItsTransactionEndsTheLease() {
        ApplyClaim claim = new ApplyClaim("cus_1", NOW);
        claim.take("a", NOW.plus(LEASE), NOW);

        assertTrue(claim.takeUntilCommit("a", NOW.plusSeconds(5)));

        assertEquals(NOW.plusSeconds(5), claim.leaseUntil(), "released with the commit");
        assertEquals("-", claim.owner(), "released with the commit");
        assertTrue(claim.takeUntilCommit("b", NOW.plusSeconds(5)), "free for the next node at once");
    }

    /*
     * Issue 30: a new customer's claim is made inside the applier's transaction, after it read the
     * clock; a claim nobody holds was stamped with the moment it was made and refused as leased to
     * "-" until then, so the customer's first events waited for the sweep (13-20 s).
     */
    @Test
    void aClaimNobodyHoldsIsFreeWhateverTheTakersClockSays() {
        ApplyClaim made = new ApplyClaim("cus_1", NOW);

        assertTrue(made.takeUntilCommit("a", NOW.minusMillis(3)), "made a moment after the taker read its clock");
        assertTrue(made.take("a", NOW.plus(LEASE), NOW.minusMillis(3)));
    }

    @Test
    void aLeaseItsHolderEndedIsFreeForANodeWhoseClockIsBehind() {
        ApplyClaim claim = new ApplyClaim("cus_1", NOW);
        claim.take("a", NOW.plus(LEASE), NOW);
        claim.takeUntilCommit("a", NOW.plusSeconds(5));

        assertTrue(claim.takeUntilCommit("b", NOW.plusSeconds(5).minusMillis(40)), "node b's clock 40 ms behind a's");
    }

    @Test
    void takingAFreeClaimForOneTransactionWritesNothing() {
        ApplyClaim claim = new ApplyClaim("cus_1", NOW);

        assertTrue(claim.takeUntilCommit("a", NOW.plusSeconds(1)));

        assertEquals("-", claim.owner(), "the row lock alone holds it");
        assertEquals(NOW, claim.leaseUntil());
    }
}
