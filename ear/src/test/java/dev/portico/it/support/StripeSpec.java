package dev.portico.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks requests meant for Stripe against Stripe's OpenAPI spec (the operations Portico calls), the
 * way Stripe itself would refuse them: unknown operation, unknown or missing parameter, wrong
 * type, value outside an enum, over-long string. Form bodies use Stripe's bracket notation
 * ({@code flow_data[after_completion][type]=redirect}), so they are decoded into nested objects
 * first. Nested objects are closed (Stripe answers "unknown parameter" for any key it does not
 * define) unless the schema gives {@code additionalProperties} a schema, as for metadata.
 */
public final class StripeSpec {

    static final String RESOURCE = "/stripe/openapi/spec3.portico.yaml";
    /** What the vendored spec predates, from Stripe's API reference (see the file and the README beside it). */
    static final String ADDITIONS = "/stripe/openapi/spec3.additions.yaml";
    private final Map<String, Object> paths;
    private final Map<String, Object> root;

    private StripeSpec(Map<String, Object> root) {
        this.root = root;
        this.paths = map(root.get("paths"));
    }

    /** Stripe's spec as kept in the test resources ({@code stripe/openapi/spec3.portico.yaml}, cut by {@link StripeSpecCut}). */
    public static StripeSpec load() {
        StripeSpec spec = new StripeSpec(read(RESOURCE));
        spec.add(read(ADDITIONS));
        return spec;
    }

    private static Map<String, Object> read(String resource) {
        try (InputStream in = StripeSpec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the test class path");
            }
            return StripeSpecCut.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds operations ({@code paths}) and form-body properties ({@code properties}: an
     * operation's property at a path of nested properties) that the vendored spec predates. An
     * addition whose place the spec lacks is an error, so none is lost unnoticed.
     */
    void add(Map<String, Object> additions) {
        Map<String, Object> newPaths = map(additions.get("paths"));
        if (newPaths != null) {
            newPaths.forEach((path, item) -> paths.merge(path, item, (held, added) -> {
                map(held).putAll(map(added));
                return held;
            }));
        }
        List<Object> properties = list(additions.get("properties"));
        for (Object each : properties == null ? List.of() : properties) {
            Map<String, Object> property = map(each);
            for (Object named : list(property.get("operations"))) {
                String[] operation = ((String) named).split(" ", 2);
                Map<String, Object> node = formSchema(operation(operation[0], operation[1]));
                for (Object part : list(property.get("at"))) {
                    node = resolve(map(map(node.get("properties")).get(part)));
                }
                if (node.isEmpty()) {
                    throw new IllegalStateException(named + " has nothing at " + property.get("at"));
                }
                map(node.get("properties")).put((String) property.get("name"), property.get("schema"));
            }
        }
    }

    /** The problems Stripe would find with this request; empty when it conforms. */
    public List<String> problems(String method, String path, String query, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> operation = operation(method.toLowerCase(Locale.ROOT), path);
        if (operation == null) {
            problems.add(method + " " + path + " is not an operation of Stripe's API");
            return problems;
        }
        checkQuery(operation, query, problems);
        Map<String, Object> bodySchema = formSchema(operation);
        boolean hasBody = body != null && !body.isEmpty();
        if (hasBody && (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded"))) {
            problems.add("body must be application/x-www-form-urlencoded, was " + contentType);
        } else if (bodySchema != null) {
            check(bodySchema, hasBody ? decode(body) : new TreeMap<>(), "", problems);
        } else if (hasBody) {
            problems.add(method + " " + path + " takes no body");
        }
        return problems;
    }

    private Map<String, Object> operation(String method, String path) {
        Map<String, Object> exact = map(paths.get(path));
        if (exact != null && exact.get(method) != null) {
            return map(exact.get(method));
        }
        for (Map.Entry<String, Object> entry : paths.entrySet()) {
            String regex = Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex)) {
                Map<String, Object> operation = map(map(entry.getValue()).get(method));
                if (operation != null) {
                    return operation;
                }
            }
        }
        return null;
    }

    private Map<String, Object> formSchema(Map<String, Object> operation) {
        Map<String, Object> requestBody = map(operation.get("requestBody"));
        if (requestBody == null) {
            return null;
        }
        Map<String, Object> form = map(map(requestBody.get("content")).get("application/x-www-form-urlencoded"));
        return form == null ? null : resolve(map(form.get("schema")));
    }

    private void checkQuery(Map<String, Object> operation, String query, List<String> problems) {
        Map<String, Object> decoded = query == null || query.isEmpty() ? new TreeMap<>() : decode(query);
        Map<String, Object> declared = new LinkedHashMap<>();
        List<Object> parameters = list(operation.get("parameters"));
        for (Object p : parameters == null ? List.of() : parameters) {
            Map<String, Object> parameter = map(p);
            if ("query".equals(parameter.get("in"))) {
                declared.put((String) parameter.get("name"), parameter);
            }
        }
        for (Map.Entry<String, Object> entry : decoded.entrySet()) {
            Map<String, Object> parameter = map(declared.get(entry.getKey()));
            if (parameter == null) {
                problems.add("unknown query parameter " + entry.getKey());
            } else {
                check(resolve(map(parameter.get("schema"))), entry.getValue(), entry.getKey(), problems);
            }
        }
    }

    private void check(Map<String, Object> schema, Object value, String at, List<String> problems) {
        schema = resolve(schema);
        List<Object> anyOf = list(schema.get("anyOf"));
        if (anyOf != null) {
            for (Object alternative : anyOf) {
                List<String> trial = new ArrayList<>();
                check(map(alternative), value, at, trial);
                if (trial.isEmpty()) {
                    return;
                }
            }
            problems.add(at + ": matches none of its allowed forms (" + value + ")");
            return;
        }
        String type = (String) schema.get("type");
        if ("object".equals(type) || (type == null && schema.containsKey("properties"))) {
            checkObject(schema, value, at, problems);
        } else if ("array".equals(type)) {
            if (!(value instanceof List<?> items)) {
                problems.add(at + ": must be an array");
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                check(map(schema.get("items")), items.get(i), at + "[" + i + "]", problems);
            }
        } else if (type != null) {
            checkScalar(schema, type, value, at, problems);
        }
    }

    private void checkObject(Map<String, Object> schema, Object value, String at, List<String> problems) {
        if (!(value instanceof Map<?, ?> object)) {
            problems.add(at + ": must be an object");
            return;
        }
        Map<String, Object> properties = map(schema.get("properties"));
        Object additional = schema.get("additionalProperties");
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String key = (String) entry.getKey();
            String where = at.isEmpty() ? key : at + "[" + key + "]";
            Object property = properties == null ? null : properties.get(key);
            if (property != null) {
                check(map(property), entry.getValue(), where, problems);
            } else if (additional instanceof Map<?, ?> additionalSchema) {
                check(map(additionalSchema), entry.getValue(), where, problems);
            } else {
                problems.add("unknown parameter " + where);
            }
        }
        List<Object> required = list(schema.get("required"));
        for (Object name : required == null ? List.of() : required) {
            if (!object.containsKey(name)) {
                problems.add("missing required parameter " + (at.isEmpty() ? name : at + "[" + name + "]"));
            }
        }
    }

    private static void checkScalar(Map<String, Object> schema, String type, Object value, String at, List<String> problems) {
        if (!(value instanceof String text)) {
            problems.add(at + ": must be a " + type);
            return;
        }
        boolean ok = switch (type) {
            case "string" -> true;
            case "integer" -> text.matches("-?\\d+");
            case "number" -> text.matches("-?\\d+(\\.\\d+)?");
            case "boolean" -> text.equals("true") || text.equals("false");
            default -> false;
        };
        if (!ok) {
            problems.add(at + ": '" + text + "' is not a " + type);
        }
        List<Object> allowed = list(schema.get("enum"));
        if (allowed != null && !allowed.contains(text)) {
            problems.add(at + ": '" + text + "' is not one of " + allowed);
        }
        Object maxLength = schema.get("maxLength");
        if (maxLength instanceof Integer max && text.length() > max) {
            problems.add(at + ": longer than " + max);
        }
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema == null ? null : schema.get("$ref");
        if (!(ref instanceof String pointer)) {
            return schema == null ? Map.of() : schema;
        }
        Object node = root;
        for (String part : pointer.substring(2).split("/")) {
            node = map(node).get(part);
        }
        return resolve(map(node));
    }

    /** Decodes {@code a[b][0]=x&a[c]=y} into nested maps and lists. */
    static Map<String, Object> decode(String form) {
        Map<String, Object> root = new TreeMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            List<String> segments = new ArrayList<>();
            int bracket = key.indexOf('[');
            segments.add(bracket < 0 ? key : key.substring(0, bracket));
            var matcher = Pattern.compile("\\[([^\\]]*)]").matcher(bracket < 0 ? "" : key.substring(bracket));
            while (matcher.find()) {
                segments.add(matcher.group(1));
            }
            Map<String, Object> node = root;
            for (int i = 0; i < segments.size() - 1; i++) {
                node = map(node.computeIfAbsent(segments.get(i), k -> new TreeMap<String, Object>()));
            }
            node.put(segments.get(segments.size() - 1), value);
        }
        return listify(root);
    }

    /** Objects whose keys are all indexes ({@code [0]}, {@code [1]}) are arrays. */
    @SuppressWarnings("unchecked")
    private static <T> T listify(Map<String, Object> node) {
        node.replaceAll((k, v) -> v instanceof Map<?, ?> child ? listify((Map<String, Object>) child) : v);
        if (!node.isEmpty() && node.keySet().stream().allMatch(k -> k.matches("\\d+"))) {
            List<Object> items = new ArrayList<>();
            node.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> Integer.parseInt(a) - Integer.parseInt(b)))
                    .forEach(e -> items.add(e.getValue()));
            return (T) items;
        }
        return (T) node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return (List<Object>) node;
    }
}
