package dev.portico.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The WAR's JAX-RS resource methods, found in its classes, and where each answers. */
public final class ResourceMethods {

    private ResourceMethods() {
    }

    /** Public methods of the WAR's {@code @Path} classes that carry an HTTP method (GET, POST, ...). */
    public static List<Method> all() {
        List<Method> found = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portico.web")) {
            Class<?> resource = type.reflect();
            if (!resource.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                if (httpMethod(method).isPresent()) {
                    found.add(method);
                }
            }
        }
        return found;
    }

    /** GET, POST, ... */
    public static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    /** The method's path from the server's root: {@code /api/billing/events/{id}/retry}. */
    public static String path(Method method) {
        StringBuilder path = new StringBuilder("/").append(PorticoApplication.class.getAnnotation(ApplicationPath.class).value());
        append(path, method.getDeclaringClass().getAnnotation(Path.class).value());
        Path own = method.getAnnotation(Path.class);
        if (own != null) {
            append(path, own.value());
        }
        return path.toString();
    }

    private static void append(StringBuilder path, String segment) {
        String trimmed = segment.replaceAll("^/+|/+$", "");
        if (!trimmed.isEmpty()) {
            path.append('/').append(trimmed);
        }
    }
}
