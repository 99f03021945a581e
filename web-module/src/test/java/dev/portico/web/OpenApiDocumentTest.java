package dev.portico.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.web.identity.DeclaredAccess;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The hand-written OpenAPI document ({@code META-INF/openapi.yaml}) and the JAX-RS resources say
 * the same: each method is documented (path, method), nothing documented is missing from the
 * code, each operation has a success response with a schema, and it asks for the bearer token
 * exactly when the method needs one.
 */
class OpenApiDocumentTest {

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void documentsEveryResourceMethodAndNothingElse() {
        Set<String> inCode = new TreeSet<>();
        ResourceMethods.all().forEach(method -> inCode.add(operation(method)));
        Set<String> documented = new TreeSet<>();
        paths().forEach((path, item) -> item.keySet().stream().filter(VERBS::contains)
                .forEach(verb -> documented.add(verb.toUpperCase() + " " + path)));

        assertEquals(inCode, documented);
    }

    @Test
    void everyOperationAnswersWithASchemaAndAsksForATokenExactlyWhenItNeedsOne() {
        for (Method method : ResourceMethods.all()) {
            Map<String, Object> operation = operationOf(method);
            Map<String, Object> responses = map(operation.get("responses"));
            boolean success = responses.entrySet().stream()
                    .anyMatch(entry -> entry.getKey().startsWith("2") && hasContent(map(entry.getValue())));
            assertTrue(success, () -> operation(method) + ": no 2xx response with content");
            boolean open = List.of().equals(operation.get("security"));
            boolean needsToken = DeclaredAccess.rule(method, method.getDeclaringClass()).needsToken();
            assertEquals(needsToken, !open, () -> operation(method) + ": security in the document");
            if (needsToken) {
                assertTrue(responses.containsKey("401"), () -> operation(method) + ": no 401");
            }
        }
    }

    private static boolean hasContent(Map<String, Object> response) {
        return response.containsKey("content") || response.containsKey("$ref");
    }

    private static String operation(Method method) {
        return ResourceMethods.httpMethod(method).orElseThrow() + " " + ResourceMethods.path(method);
    }

    private static Map<String, Object> operationOf(Method method) {
        Map<String, Object> item = map(paths().get(ResourceMethods.path(method)));
        return map(item.get(ResourceMethods.httpMethod(method).orElseThrow().toLowerCase()));
    }

    private static Map<String, Map<String, Object>> paths() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document().get("paths");
        return paths;
    }

    private static Map<String, Object> document() {
        try (InputStream yaml = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new Yaml().load(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
