package dev.portico.it.support;

/** Makes a listener of the deployed server fail (the test-only FaultInterceptor), and heals it. */
public final class Faults {

    private static final String PATH = "api/test/faults/";

    private Faults() {
    }

    /** Every call into the listener class of this simple name fails until {@link #heal}. */
    public static void fail(Api api, String listener) {
        check(api.send("PUT", PATH + listener, null, null), listener);
    }

    public static void heal(Api api, String listener) {
        check(api.send("DELETE", PATH + listener, null, null), listener);
    }

    private static void check(Api.Reply reply, String listener) {
        if (reply.status() != 200) {
            throw new IllegalStateException("Could not switch " + listener + ": " + reply);
        }
    }
}
