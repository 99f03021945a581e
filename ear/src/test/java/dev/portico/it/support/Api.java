package dev.portico.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for Portico's API on the deployed EAR, as a browser or host app would call it. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final HttpClient http;

    public Api(URI base) {
        this(base, HTTP);
    }

    private Api(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /**
     * The same server over plain HTTP/1.1 connections of their own: for requests that break a
     * connection (an oversized header poisons an HTTP/2 connection's header table for the requests after it).
     */
    public Api http11() {
        return new Api(base, HTTP_1_1);
    }

    /** The HTTP port of the tests' server: it.port.base + 80 (ear/pom.xml), passed in by failsafe. */
    public static final int PORT = Integer.parseInt(System.getProperty("it.http.port", "0"));
    /** The tests' server as a client names it (loopback only), ending in a slash. */
    public static final String BASE = "http://127.0.0.1:" + PORT + "/";

    /** The server the tests run against. */
    public static Api local() {
        if (PORT == 0) {
            throw new IllegalStateException("it.http.port is not set: run the EAR tests through Maven (mvn verify)");
        }
        return new Api(URI.create(BASE));
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    /** A POST with extra headers (name, value, name, value, ...). */
    public Reply postWithHeaders(String path, String token, String json, String... headers) {
        return send("POST", path, token, json, headers);
    }

    /** Any method, with an optional JSON (or plain) body and extra headers (name, value, ...). */
    public Reply send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = request(path, token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs raw bytes with the given headers (name, value, name, value, ...), as Stripe does. */
    public Reply postBytes(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path, null);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed as JSON on demand. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonObject json() {
            try {
                return Json.createReader(new StringReader(response.body())).readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("Not a JSON object (" + status() + "): " + response.body(), e);
            }
        }

        public String error() {
            return json().getString("error");
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }
}
