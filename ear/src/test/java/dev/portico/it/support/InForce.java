package dev.portico.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.StripeEvents.Story;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What a user waits for after Stripe's webhook: from the delivery's {@code 200}, polled on what
 * the user sees (the status, the access check, the overview), never on the pipeline's settled
 * marker, which hid a 20-second wait. The README promises a second on the node that took the
 * delivery, and the refresh interval more on every other node.
 */
public final class InForce {

    /** On the node that acknowledged the event. */
    public static final Duration PROMISED = Duration.ofSeconds(1);
    /** On another node: the promise plus the tests' {@code portico.enforcement.refresh-interval} (the default). */
    public static final Duration ELSEWHERE = PROMISED.plusMillis(500);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    private InForce() {
    }

    /** Delivers the event to {@code node}; returns the moment its {@code 200} came. */
    public static Instant deliver(Api node, EventJson event) {
        Api.Reply delivered = StripeEvents.deliver(node, event);
        Instant acknowledged = Instant.now();
        assertEquals(200, delivered.status(), delivered::toString);
        return acknowledged;
    }

    /**
     * Polls until {@code seen} holds; fails when that took longer than {@code promised} after
     * {@code acknowledged} (it polls on for a while, so the failure says how long it took).
     */
    public static Duration within(Duration promised, Instant acknowledged, String what, BooleanSupplier seen) {
        Instant deadline = acknowledged.plus(GIVE_UP);
        while (!seen.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not in force " + GIVE_UP.toSeconds() + " s after its 200");
            }
            Eventually.pause(POLL);
        }
        Duration took = Duration.between(acknowledged, Instant.now());
        System.out.println("In force " + took.toMillis() + " ms after its 200: " + what);
        if (took.compareTo(promised) > 0) {
            throw new AssertionError(what + ": in force " + took.toMillis() + " ms after its 200, promised within "
                    + promised.toMillis() + " ms");
        }
        return took;
    }

    /** The subscription's status as a member of the story's workspace reads it on {@code node}. */
    public static String status(Api node, Story story) {
        Api.Reply reply = node.get("api/billing/subscription", Tokens.member(story.workspace()));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getString("status");
    }

    /** The access check's status for a write on {@code node}: 200 allowed, 402 refused. */
    public static int writeAccess(Api node, Story story) {
        return node.get("api/access?operation=write", Tokens.member(story.workspace())).status();
    }

    /** Whether the status reads {@code status} and a write's access check answers {@code access} on {@code node}. */
    public static boolean shows(Api node, Story story, String status, int access) {
        return status(node, story).equals(status) && writeAccess(node, story) == access;
    }
}
