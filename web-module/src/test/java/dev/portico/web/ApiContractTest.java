package dev.portico.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code api} packages are a contract with the modules built on Portico: each version's shape
 * (one line per public member of each public type) is kept in {@code src/test/resources/api-contract/
 * <package>/<version>.txt}. The shape now must be that of {@code ApiVersion.CURRENT}, and each
 * version must step up enough from the one before: the major part when a line went (renamed,
 * removed, retyped), at least the minor part when lines only came. The shape now is written to
 * {@code target/api-contract} to copy from.
 */
class ApiContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev.portico.billing.api", "dev.portico.workspace.api"})
    void theShapeChangesOnlyWithTheVersionAndEachVersionStepsUpEnough(String apiPackage) throws Exception {
        Set<String> now = shape(apiPackage);
        String current = (String) Class.forName(apiPackage + ".ApiVersion").getField("CURRENT").get(null);
        Path written = Path.of("target", "api-contract", apiPackage, current + ".txt");
        Files.createDirectories(written.getParent());
        Files.write(written, now);

        List<String> versions = versions(apiPackage);
        assertTrue(versions.contains(current), () -> apiPackage + " " + current + " has no recorded shape: copy " + written
                + " to src/test/resources/api-contract/" + apiPackage + "/");
        assertEquals(recorded(apiPackage, current), now, () -> apiPackage + " changed shape since " + current
                + " was recorded: raise ApiVersion.CURRENT (major for a rename or removal, minor for an addition)"
                + " and record the new version's shape (" + written + ")");
        assertEquals(current, versions.get(versions.size() - 1), "the current version is the newest recorded");
        for (int i = 1; i < versions.size(); i++) {
            checkStep(apiPackage, versions.get(i - 1), versions.get(i));
        }
    }

    private static void checkStep(String apiPackage, String from, String to) throws Exception {
        Set<String> before = recorded(apiPackage, from);
        Set<String> after = recorded(apiPackage, to);
        Set<String> gone = new TreeSet<>(before);
        gone.removeAll(after);
        Set<String> came = new TreeSet<>(after);
        came.removeAll(before);
        int[] a = parts(from);
        int[] b = parts(to);
        if (!gone.isEmpty()) {
            assertTrue(b[0] > a[0], () -> apiPackage + " " + from + " -> " + to + " renamed or removed " + gone
                    + ": that needs a new major version");
        } else if (!came.isEmpty()) {
            assertTrue(b[0] > a[0] || b[1] > a[1], () -> apiPackage + " " + from + " -> " + to + " added " + came
                    + ": that needs at least a new minor version");
        }
    }

    /** One line per public member of each public type of the package (not its subpackages). */
    static Set<String> shape(String apiPackage) throws ClassNotFoundException {
        Set<String> lines = new TreeSet<>();
        for (JavaClass imported : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(apiPackage)) {
            Class<?> type = Class.forName(imported.getName());
            if (!type.getPackageName().equals(apiPackage) || !Modifier.isPublic(type.getModifiers())
                    || type.getSimpleName().equals("ApiVersion") || type.isAnonymousClass()) {
                continue;
            }
            lines.addAll(members(type));
        }
        return lines;
    }

    private static List<String> members(Class<?> type) {
        String name = type.getName().substring(type.getPackageName().length() + 1);
        List<String> lines = new ArrayList<>();
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                lines.add("record " + name + " #" + i + " " + components[i].getName() + ": "
                        + components[i].getGenericType().getTypeName());
            }
        } else if (type.isEnum()) {
            Arrays.stream(type.getEnumConstants()).forEach(constant -> lines.add("enum " + name + " " + constant));
        } else {
            lines.add(kind(type) + " " + name);
        }
        Stream.<Member>concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredFields()))
                .filter(member -> Modifier.isPublic(member.getModifiers()) && !member.isSynthetic())
                .filter(member -> !(type.isEnum() && member instanceof Field field && field.isEnumConstant()))
                .filter(member -> !(type.isRecord() && isAccessor(type, member)))
                .filter(member -> !(type.isEnum() && isEnumBuiltIn(member)))
                .filter(member -> !(type.isRecord() && isRecordBuiltIn(member)))
                .map(member -> kind(type) + " " + name + " " + signature(member))
                .forEach(lines::add);
        Arrays.stream(type.getConstructors()).filter(c -> !type.isRecord() || c.getParameterCount()
                        != type.getRecordComponents().length)
                .map(c -> kind(type) + " " + name + " new(" + Arrays.stream(c.getGenericParameterTypes())
                        .map(java.lang.reflect.Type::getTypeName).collect(Collectors.joining(", ")) + ")")
                .forEach(lines::add);
        return lines;
    }

    private static String kind(Class<?> type) {
        return type.isAnnotation() ? "annotation" : type.isInterface() ? "interface" : type.isRecord() ? "record"
                : type.isEnum() ? "enum" : "class";
    }

    private static String signature(Object member) {
        if (member instanceof Field field) {
            return (Modifier.isStatic(field.getModifiers()) ? "static " : "") + field.getName() + ": "
                    + field.getGenericType().getTypeName();
        }
        Method method = (Method) member;
        return (Modifier.isStatic(method.getModifiers()) ? "static " : "") + method.getName() + "("
                + Arrays.stream(method.getGenericParameterTypes()).map(java.lang.reflect.Type::getTypeName)
                .collect(Collectors.joining(", ")) + "): " + method.getGenericReturnType().getTypeName();
    }

    private static boolean isAccessor(Class<?> type, Object member) {
        return member instanceof Method method && method.getParameterCount() == 0
                && Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(method.getName()));
    }

    private static boolean isRecordBuiltIn(Object member) {
        return member instanceof Method method && Set.of("equals", "hashCode", "toString").contains(method.getName());
    }

    private static boolean isEnumBuiltIn(Object member) {
        return member instanceof Method method && Set.of("values", "valueOf").contains(method.getName());
    }

    private static List<String> versions(String apiPackage) throws Exception {
        try (Stream<Path> files = Files.list(directory(apiPackage))) {
            return files.map(file -> file.getFileName().toString().replaceFirst("\\.txt$", ""))
                    .sorted(Comparator.comparing(ApiContractTest::parts, Arrays::compare)).toList();
        }
    }

    private static Set<String> recorded(String apiPackage, String version) throws Exception {
        return new TreeSet<>(Files.readAllLines(directory(apiPackage).resolve(version + ".txt")));
    }

    private static Path directory(String apiPackage) throws URISyntaxException {
        return Path.of(ApiContractTest.class.getResource("/api-contract/" + apiPackage).toURI());
    }

    private static int[] parts(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
