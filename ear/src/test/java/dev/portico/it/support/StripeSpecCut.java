package dev.portico.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Cuts Stripe's complete OpenAPI spec ({@code spec3.yaml}, 4 MB, 819 schemas) down to the
 * operations Portico calls ({@code operations.txt}), with every schema they refer to. Responses
 * are replaced by a bare 200: the contract check reads requests only, and the cut then loads in
 * a fraction of a second instead of half a minute. Run it after changing {@code operations.txt}:
 *
 * <pre>
 * mvn -q -pl ear test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.portico.it.support.StripeSpecCut \
 *     -Dexec.args="path/to/spec3.yaml ear/src/test/resources/stripe/openapi"
 * </pre>
 */
public final class StripeSpecCut {

    static final String SCHEMAS = "#/components/schemas/";

    private StripeSpecCut() {
    }

    /** {@code args}: the complete spec3.yaml, and the folder holding operations.txt that receives spec3.portico.yaml. */
    public static void main(String[] args) throws IOException {
        Path full = Path.of(args[0]);
        Path folder = Path.of(args[1]);
        List<String[]> operations = operations(Files.readString(folder.resolve("operations.txt")));
        Map<String, Object> cut;
        try (InputStream in = Files.newInputStream(full)) {
            cut = cut(load(in), operations);
        }
        String header = "# Cut by dev.portico.it.support.StripeSpecCut from Stripe's spec3.yaml (sha256 " + sha256(full)
                + ")\n# to the operations in operations.txt. Do not edit: cut again (README.md).\n";
        Files.writeString(folder.resolve("spec3.portico.yaml"), header + dump(cut), StandardCharsets.UTF_8);
        System.out.println("Kept " + operations.size() + " operations and " + map(map(cut.get("components")).get("schemas")).size()
                + " schemas in " + folder.resolve("spec3.portico.yaml"));
    }

    /** The (method, path) pairs of an operations list: one per line, {@code #} starts a comment. */
    static List<String[]> operations(String list) {
        return list.lines().map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+", 2)).map(op -> new String[] {op[0].toLowerCase(Locale.ROOT), op[1]}).toList();
    }

    static Map<String, Object> load(InputStream in) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(50_000_000);
        return new Yaml(options).load(in);
    }

    /** The spec reduced to {@code operations} and the schemas they reach; fails on an operation the spec lacks. */
    static Map<String, Object> cut(Map<String, Object> spec, List<String[]> operations) {
        Map<String, Object> paths = new TreeMap<>();
        for (String[] operation : operations) {
            Map<String, Object> item = map(map(spec.get("paths")).get(operation[1]));
            Object found = item == null ? null : item.get(operation[0]);
            if (found == null) {
                throw new IllegalArgumentException("Stripe's spec has no operation " + operation[0] + " " + operation[1]);
            }
            Map<String, Object> kept = new LinkedHashMap<>(map(found));
            kept.put("responses", Map.of("200", Map.of("description", "Responses cut: the contract check reads requests only.")));
            @SuppressWarnings("unchecked")
            Map<String, Object> path = (Map<String, Object>) paths.computeIfAbsent(operation[1], p -> new TreeMap<>());
            path.put(operation[0], kept);
        }
        Map<String, Object> all = map(map(spec.get("components")).get("schemas"));
        Map<String, Object> schemas = new TreeMap<>();
        Deque<Object> pending = new ArrayDeque<>(List.of(paths));
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof Map<?, ?> object) {
                if (object.get("$ref") instanceof String ref && ref.startsWith(SCHEMAS)) {
                    String name = ref.substring(SCHEMAS.length());
                    if (!schemas.containsKey(name)) {
                        Object schema = all.get(name);
                        if (schema == null) {
                            throw new IllegalArgumentException("Stripe's spec refers to a missing schema " + ref);
                        }
                        schemas.put(name, schema);
                        pending.push(schema);
                    }
                }
                object.values().forEach(pending::push);
            } else if (node instanceof List<?> list) {
                list.forEach(pending::push);
            }
        }
        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("openapi", spec.get("openapi"));
        cut.put("info", spec.get("info"));
        cut.put("servers", spec.get("servers"));
        cut.put("paths", paths);
        cut.put("components", Map.of("schemas", schemas));
        return cut;
    }

    static String dump(Map<String, Object> spec) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        return new Yaml(options).dump(spec);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
