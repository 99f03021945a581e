package dev.portico.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * A second Portico node for the cluster drills: a Payara Server of its own (target/node-b, ports
 * from {@code it.node-b.port.base}), started from this JVM, so with the same environment as the
 * node Arquillian runs (the same database, Stripe stand-in, SMTP server and secrets), and the same
 * EAR. Runs only against a database both nodes can reach (the PostgreSQL pass).
 */
public final class SecondNode {

    private static final Path HOME = Path.of(System.getProperty("it.node-b.home", "target/node-b/payara6"));
    private static final int BASE = Integer.getInteger("it.node-b.port.base", 21000);
    private static final Path DOMAIN = HOME.resolve("glassfish/domains/domain1");

    static {
        // Whatever happens to the tests, the node ends with their JVM.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (running()) {
                    ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (Exception ignored) {
                // nothing left to stop
            }
        }));
    }

    private SecondNode() {
    }

    /** The second node's API (loopback, its own HTTP port). */
    public static Api api() {
        return new Api(URI.create("http://127.0.0.1:" + (BASE + 80) + "/"));
    }

    /** The node, started (as {@link #start}) unless it runs and is ready. */
    public static Api ensureRunning() throws Exception {
        Api.Reply ready = running() ? readiness(api()) : null;
        return ready != null && ready.status() == 200 ? api() : start();
    }

    /**
     * Starts the node afresh (one still running from an earlier run is killed first: its state is
     * unknown) and deploys the tests' EAR; returns once it is ready.
     */
    public static Api start() throws Exception {
        if (running()) {
            kill();
        }
        run(List.of("bash", Path.of(System.getProperty("portico.repository"), "ear/src/main/payara/forget-app.sh").toString(),
                HOME.toString()));
        asadmin("start-domain", "domain1");
        File ear = HOME.getParent().resolve("portico-it.ear").toFile();
        DeployedEar.ear().as(ZipExporter.class).exportTo(ear, true);
        asadmin("--port", Integer.toString(BASE + 48), "deploy", "--force=true", "--name", "portico", ear.getPath());
        Api api = api();
        Api.Reply ready = Eventually.eventually(() -> readiness(api), reply -> reply != null && reply.status() == 200,
                Duration.ofMinutes(2));
        assertTrue(ready != null && ready.status() == 200, "the second node is not ready: " + ready);
        return api;
    }

    /** Stops it (the next start forgets the application it had). */
    public static void stop() throws Exception {
        if (running()) {
            asadmin("stop-domain", "domain1");
        }
    }

    /** kill -9: no shutdown hook runs, nothing is finished. */
    public static void kill() throws Exception {
        ProcessHandle server = ProcessHandle.of(pid()).orElseThrow();
        assertTrue(server.destroyForcibly(), "SIGKILL sent");
        server.onExit().get(30, TimeUnit.SECONDS);
    }

    /** The node's server log so far. */
    public static String log() throws Exception {
        return Files.readString(DOMAIN.resolve("logs/server.log"));
    }

    private static boolean running() {
        try {
            return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (Exception none) {
            return false;
        }
    }

    private static long pid() throws Exception {
        return Long.parseLong(Files.readString(DOMAIN.resolve("config/pid")).strip());
    }

    private static Api.Reply readiness(Api api) {
        try {
            return api.get("health/ready", null);
        } catch (RuntimeException notYet) {
            return null;
        }
    }

    private static void asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " timed out");
        assertEquals(0, process.exitValue(), String.join(" ", command));
    }
}
