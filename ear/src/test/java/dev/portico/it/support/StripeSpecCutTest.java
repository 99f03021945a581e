package dev.portico.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The cut keeps the listed operations and what they refer to, and the shipped cut matches the list. */
class StripeSpecCutTest {

    private static final String SPEC = """
            openapi: 3.0.0
            info: {version: '2023-08-16'}
            servers: [{url: 'https://api.stripe.com/'}]
            paths:
              /v1/customers:
                post:
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {$ref: '#/components/schemas/customer_params'}
                  responses: {'200': {content: {application/json: {schema: {$ref: '#/components/schemas/customer'}}}}}
                get: {responses: {}}
              /v1/charges:
                post: {responses: {}}
            components:
              schemas:
                customer_params: {type: object, properties: {address: {$ref: '#/components/schemas/address'}}}
                address: {type: object, properties: {line1: {type: string}}}
                customer: {type: object}
                charge: {type: object}
            """;

    @Test
    void keepsTheListedOperationsAndTheSchemasTheyReach() {
        Map<String, Object> cut = StripeSpecCut.cut(StripeSpecCut.load(stream(SPEC)),
                StripeSpecCut.operations("# a comment\nPOST /v1/customers\n\n"));

        assertEquals(Map.of("/v1/customers", List.of("post")), operations(cut));
        assertEquals(List.of("address", "customer_params"), List.copyOf(section(section(cut, "components"), "schemas").keySet()),
                "the response's schema goes with the responses");
        assertEquals("2023-08-16", section(cut, "info").get("version"));
        assertTrue(StripeSpecCut.dump(cut).contains("line1"));
    }

    @Test
    void anOperationTheSpecLacksIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> StripeSpecCut.cut(StripeSpecCut.load(stream(SPEC)), StripeSpecCut.operations("delete /v1/customers")));
    }

    @Test
    void theShippedCutHasExactlyTheListedOperations() throws IOException {
        List<String[]> listed;
        try (InputStream in = StripeSpecCutTest.class.getResourceAsStream("/stripe/openapi/operations.txt")) {
            listed = StripeSpecCut.operations(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Object> shipped;
        try (InputStream in = StripeSpecCutTest.class.getResourceAsStream(StripeSpec.RESOURCE)) {
            shipped = StripeSpecCut.load(in);
        }
        Map<String, List<String>> expected = new TreeMap<>();
        listed.forEach(op -> expected.computeIfAbsent(op[1], p -> new ArrayList<>()).add(op[0]));
        expected.values().forEach(methods -> methods.sort(null));

        assertEquals(expected, operations(shipped), "operations.txt changed: cut the spec again (README.md there)");
    }

    private static Map<String, List<String>> operations(Map<String, Object> spec) {
        Map<String, List<String>> found = new TreeMap<>();
        section(spec, "paths").forEach((path, item) -> found.put(path,
                ((Map<?, ?>) item).keySet().stream().map(String::valueOf).sorted().toList()));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> spec, String name) {
        return (Map<String, Object>) spec.get(name);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
