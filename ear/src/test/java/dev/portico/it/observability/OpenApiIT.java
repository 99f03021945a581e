package dev.portico.it.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.it.support.Api;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi} as the deployed EAR serves it, against the README a user reads: every endpoint
 * of its table is there, and every error code of its error table is named by a response of the
 * same status. (That the document matches the code is web-module's OpenApiDocumentTest.)
 */
class OpenApiIT extends DeployedEar {

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/api/[^`?\\s]*)");
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z_]+)`");

    @Test
    void everyEndpointOfTheReadmeIsDocumentedWithTheBearerScheme() throws Exception {
        JsonObject document = openapi();
        JsonObject paths = document.getJsonObject("paths");
        List<String> missing = new ArrayList<>();
        List<String> endpoints = readmeEndpoints();
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ", 2);
            JsonObject item = paths.getJsonObject(parts[1]);
            if (item == null || !item.containsKey(parts[0].toLowerCase())) {
                missing.add(endpoint);
            }
        }

        assertTrue(endpoints.size() >= 16, "the README's table lists only " + endpoints);
        assertEquals(List.of(), missing, "endpoints of the README missing from /openapi");
        JsonObject bearer = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer");
        assertEquals("bearer", bearer.getString("scheme"));
        assertEquals("JWT", bearer.getString("bearerFormat"));
    }

    @Test
    void everyErrorCodeOfTheReadmeIsNamedUnderItsStatus() throws Exception {
        JsonObject document = openapi();
        Map<String, String> byStatus = responseTexts(document);
        List<String> missing = new ArrayList<>();
        List<String> codes = readmeErrorCodes();
        for (String entry : codes) {
            String[] statusAndCode = entry.split(" ");
            if (!byStatus.getOrDefault(statusAndCode[0], "").contains(statusAndCode[1])) {
                missing.add(entry);
            }
        }

        assertTrue(codes.size() >= 25, "the README's error table lists only " + codes);
        assertEquals(List.of(), missing, "error codes of the README no response of /openapi names");
    }

    private JsonObject openapi() throws IOException, InterruptedException {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Api.BASE + "openapi")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        Reply answer = new Reply(reply);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json();
    }

    /** Each status's response descriptions, operations' and shared ones, run together. */
    private static Map<String, String> responseTexts(JsonObject document) {
        Map<String, String> byStatus = new LinkedHashMap<>();
        JsonObject shared = document.getJsonObject("components").getJsonObject("responses");
        for (JsonValue item : document.getJsonObject("paths").values()) {
            for (JsonValue operation : item.asJsonObject().values()) {
                if (operation.getValueType() != JsonValue.ValueType.OBJECT
                        || !operation.asJsonObject().containsKey("responses")) {
                    continue;
                }
                operation.asJsonObject().getJsonObject("responses").forEach((status, response) -> {
                    JsonObject described = response.asJsonObject();
                    if (described.containsKey("$ref")) {
                        String name = described.getString("$ref").replace("#/components/responses/", "");
                        described = shared.getJsonObject(name);
                    }
                    byStatus.merge(status, described.getString("description", ""), (a, b) -> a + "\n" + b);
                });
            }
        }
        return byStatus;
    }

    private static List<String> readmeEndpoints() throws IOException {
        List<String> endpoints = new ArrayList<>();
        for (String row : section("### Endpoints")) {
            if (!row.startsWith("| `")) {
                continue;
            }
            Matcher endpoint = ENDPOINT.matcher(row.split("\\|")[1]);
            while (endpoint.find()) {
                endpoints.add(endpoint.group(1) + " " + endpoint.group(2));
            }
        }
        return endpoints;
    }

    /** Each status and code of the README's error table ("409 NO_SUBSCRIPTION"). */
    private static List<String> readmeErrorCodes() throws IOException {
        List<String> codes = new ArrayList<>();
        for (String row : section("### Errors")) {
            String[] cells = row.split("\\|");
            if (cells.length < 3 || !cells[1].trim().matches("\\d{3}")) {
                continue;
            }
            Matcher code = CODE.matcher(cells[2]);
            while (code.find()) {
                codes.add(cells[1].trim() + " " + code.group(1));
            }
        }
        return codes;
    }

    /** The README's lines from the heading to the next heading of any level. */
    private static List<String> section(String heading) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("portico.repository"), "README.md"));
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "the README has no " + heading);
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            section.add(line);
        }
        return section;
    }
}
