package dev.portico.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx run with the repository's {@code examples/gateway/nginx.conf} as it stands (only its
 * {@code ${...}} placeholders filled in), in front of a stand-in "service outside the EAR" that
 * records what reached it, with Portico's access check as the gateway's {@code auth_request}.
 */
public final class Gateway implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z]+)}");

    /** A request the service behind the gateway received, with the headers the gateway set. */
    public record Received(String method, String path, String workspace, String access) {
    }

    private final HttpServer service;
    private final Process nginx;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Api api;

    private Gateway(Path prefix, int listen) throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Portico-Workspace"),
                    exchange.getRequestHeaders().getFirst("X-Portico-Access")));
            byte[] body = "{\"served\": true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, filled(Map.of("PREFIX", prefix.toString(), "LISTEN", "127.0.0.1:" + listen,
                "PORTICO", "127.0.0.1:" + Api.PORT, "SERVICE", "127.0.0.1:" + service.getAddress().getPort())));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        api = new Api(URI.create("http://127.0.0.1:" + listen + "/"));
        awaitListening(listen, prefix);
    }

    /** Starts nginx and the service on free loopback ports, nginx's files in a fresh folder. */
    public static Gateway start() {
        try {
            return new Gateway(Files.createTempDirectory(Path.of("target"), "nginx-").toAbsolutePath(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests through the gateway. */
    public Api api() {
        return api;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The example configuration with every placeholder filled; one it does not know fails the test. */
    private static String filled(Map<String, String> values) throws IOException {
        String template = Files.readString(Path.of(System.getProperty("portico.repository"), "examples", "gateway",
                "nginx.conf"));
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder conf = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("nginx.conf has a placeholder the test does not fill: " + placeholder.group());
            }
            placeholder.appendReplacement(conf, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(conf).toString();
    }

    private void awaitListening(int port, Path prefix) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!nginx.isAlive()) {
                    break;
                }
                Eventually.pause(Duration.ofMillis(50));
            }
        }
        close();
        throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("nginx.out")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        nginx.destroy();
        service.stop(0);
    }
}
