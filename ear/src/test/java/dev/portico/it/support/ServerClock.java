package dev.portico.it.support;

import java.time.Instant;

/** Moves the deployed server's clock (the test-only ControlledClock) and puts it back. */
public final class ServerClock {

    private static final String PATH = "api/test/clock";

    private ServerClock() {
    }

    public static void set(Api api, Instant now) {
        Api.Reply reply = api.send("PUT", PATH, null, now.toString());
        if (reply.status() != 200) {
            throw new IllegalStateException("Could not set the server's clock: " + reply);
        }
    }

    public static void reset(Api api) {
        Api.Reply reply = api.send("DELETE", PATH, null, null);
        if (reply.status() != 200) {
            throw new IllegalStateException("Could not reset the server's clock: " + reply);
        }
    }
}
