package dev.portico.it.support;

import java.time.Duration;
import java.time.Instant;

/** Moves the deployed server's clock (the test-only ControlledClock) and puts it back. */
public final class ServerClock {

    private static final String PATH = "api/test/clock";
    /** How far the server's clock is from this JVM's, as last set here (webhooks are signed in server time). */
    private static volatile Duration offset = Duration.ZERO;

    private ServerClock() {
    }

    public static void set(Api api, Instant now) {
        Api.Reply reply = api.send("PUT", PATH, null, now.toString());
        if (reply.status() != 200) {
            throw new IllegalStateException("Could not set the server's clock: " + reply);
        }
        offset = Duration.between(Instant.now(), now);
    }

    /** The server's time now, as far as this JVM moved it. */
    public static Instant now() {
        return Instant.now().plus(offset);
    }

    public static void reset(Api api) {
        Api.Reply reply = api.send("DELETE", PATH, null, null);
        if (reply.status() != 200) {
            throw new IllegalStateException("Could not reset the server's clock: " + reply);
        }
        offset = Duration.ZERO;
    }
}
