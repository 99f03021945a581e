package dev.portico.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.testing.CheckoutReferenceSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 31, item 12: only a reference Portico signed links a checkout to a workspace. */
class CheckoutReferencesTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private final CheckoutReferences references = new CheckoutReferences(Optional.of("whsec_new, whsec_old"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anIssuedReferenceLinksItsWorkspaceForADay() {
        CheckoutReferences.Issued issued = references.issue(new WorkspaceId("ws-acme.eu:1"));

        assertEquals(Optional.empty(), references.refusal(issued.reference(), NOW.plus(Duration.ofHours(23))));
        assertEquals("ws-acme.eu:1", CheckoutReferences.workspace(issued.reference()).value());
        assertEquals(NOW.plus(Duration.ofHours(24)), issued.expiresAt());
        assertTrue(issued.reference().matches("[A-Za-z0-9_]{1,200}"), "what Pricing Tables and Payment Links take");
        assertTrue(references.refusal(issued.reference(), NOW.plus(Duration.ofHours(25))).isPresent(), "a day later");
        assertTrue(references.refusal(issued.reference(), NOW.minus(Duration.ofHours(1))).isPresent(), "a session before it");
    }

    @Test
    void aBareWorkspaceIdOrATamperedReferenceLinksNothing() {
        String genuine = references.issue(new WorkspaceId("ws-victim")).reference();
        String otherWorkspace = genuine.replace(hex("ws-victim"), hex("ws-attack"));

        assertTrue(references.refusal("ws-victim", NOW).get().contains("not a reference Portico signed"));
        assertTrue(references.refusal(otherWorkspace, NOW).get().contains("no valid signature"));
        assertTrue(references.refusal(genuine.substring(0, genuine.length() - 1) + "0", NOW).isPresent());
        assertTrue(references.refusal(CheckoutReferenceSigner.sign("whsec_attacker", "ws-victim", NOW), NOW).isPresent());
    }

    @Test
    void theTestsSignerAndARotatedSecretAreAccepted() {
        assertEquals(Optional.empty(), references.refusal(CheckoutReferenceSigner.sign("whsec_new", "ws-1", NOW), NOW));
        assertEquals(Optional.empty(), references.refusal(CheckoutReferenceSigner.sign("whsec_old", "ws-1", NOW), NOW),
                "signed before the secret was rotated");
        assertEquals(CheckoutReferenceSigner.sign("whsec_new", "ws-1", NOW), references.issue(new WorkspaceId("ws-1")).reference());
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
