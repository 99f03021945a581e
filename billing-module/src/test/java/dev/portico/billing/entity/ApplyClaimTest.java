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
        assertTrue(claim.takeUntilCommit("b", NOW.plusSeconds(5)), "free for the next node at once");
    }

    @Test
    void takingAFreeClaimForOneTransactionWritesNothing() {
        ApplyClaim claim = new ApplyClaim("cus_1", NOW);

        assertTrue(claim.takeUntilCommit("a", NOW.plusSeconds(1)));

        assertEquals("-", claim.owner(), "the row lock alone holds it");
        assertEquals(NOW, claim.leaseUntil());
    }
}
