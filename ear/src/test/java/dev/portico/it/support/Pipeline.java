package dev.portico.it.support;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * The deployed server's pipeline as its operators see it ({@code /api/operator}): deliveries are
 * acknowledged on store and applied in the background, so a test that delivers and then looks at
 * the state waits here until the event is settled and its publications are delivered.
 */
public final class Pipeline {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    private Pipeline() {
    }

    /** The tests' server lists this subject in {@code portico.operator.subjects} (ear/pom.xml). */
    public static final String OPERATOR = System.getProperty("it.operator", "ops@portico.test");

    /** An operator's token: group {@code portico-operator}, a listed subject, no workspace. */
    public static String operatorToken() {
        return Tokens.builder().subject(OPERATOR).groups("portico-operator").sign();
    }

    /** The stored event as the operator endpoint shows it. */
    public static JsonObject event(Api api, String eventId) {
        Api.Reply reply = api.get("api/operator/events/" + eventId, operatorToken());
        if (reply.status() != 200) {
            throw new IllegalStateException("No stored event " + eventId + ": " + reply);
        }
        return reply.json();
    }

    /**
     * Waits until the event is applied (or set aside) and every publication it caused is
     * delivered; returns it then. Fails the test when that takes longer than half a minute.
     */
    public static JsonObject settled(Api api, String eventId) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonObject seen = event(api, eventId);
        while (!isSettled(seen)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Event " + eventId + " not settled within " + PATIENCE + ": " + seen);
            }
            Eventually.pause(POLL);
            seen = event(api, eventId);
        }
        return seen;
    }

    /** The event's outcome once settled: APPLIED, IGNORED, UNMATCHED or FAILED. */
    public static String outcome(Api api, String eventId) {
        return settled(api, eventId).getString("outcome");
    }

    private static boolean isSettled(JsonObject event) {
        return !event.getString("outcome").equals("RECEIVED")
                && event.getJsonObject("publications").getInt("incomplete") == 0;
    }
}
