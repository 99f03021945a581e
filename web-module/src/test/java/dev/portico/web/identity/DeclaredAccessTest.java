package dev.portico.web.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.web.ResourceMethods;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every resource method of the WAR says who may call it; the few public ones are the known ones. */
class DeclaredAccessTest {

    private static final Set<Class<? extends Annotation>> DECLARATIONS = Set.of(DenyAll.class, PermitAll.class, RolesAllowed.class);

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() {
        List<String> silent = new ArrayList<>();
        List<Method> methods = resourceMethods();
        for (Method method : methods) {
            if (!declares(method) && !declares(method.getDeclaringClass())) {
                silent.add(name(method));
            }
        }

        assertTrue(methods.size() >= 12, "found only " + methods.size() + " resource methods");
        assertEquals(List.of(), silent, "resource methods that declare neither @RolesAllowed, @PermitAll nor @DenyAll");
    }

    @Test
    void onlyStripeTheUnsubscribeLinkAndHealthNeedNoToken() {
        Set<String> open = new TreeSet<>();
        for (Method method : resourceMethods()) {
            if (!DeclaredAccess.rule(method, method.getDeclaringClass()).needsToken()) {
                open.add(name(method));
            }
        }

        assertEquals(Set.of("HealthResource.health", "NotificationsResource.unsubscribe",
                "NotificationsResource.unsubscribePage", "WebhookResource.receive"), open);
    }

    @Test
    void theMethodsDeclarationWinsAndSilenceDenies() {
        assertEquals(DeclaredAccess.Rule.PERMIT, DeclaredAccess.rule(method(Sample.class, "open"), Sample.class));
        assertEquals(Set.of(Roles.BILLING_ADMIN), DeclaredAccess.rule(method(Sample.class, "admins"), Sample.class).roles());
        assertEquals(DeclaredAccess.Rule.DENY, DeclaredAccess.rule(method(Sample.class, "inherited"), Sample.class));
        assertEquals(DeclaredAccess.Rule.DENY, DeclaredAccess.rule(method(Silent.class, "forgotten"), Silent.class));
        assertFalse(DeclaredAccess.Rule.DENY.admits(Set.of(Roles.BILLING_ADMIN, "member")));
        assertTrue(new DeclaredAccess.Rule(true, Set.of(Roles.ANY_TOKEN)).admits(Set.of()));
        assertFalse(new DeclaredAccess.Rule(true, Set.of(Roles.BILLING_ADMIN)).admits(Set.of("member")));
    }

    private static List<Method> resourceMethods() {
        return ResourceMethods.all();
    }

    private static boolean declares(AnnotatedElement element) {
        return DECLARATIONS.stream().anyMatch(element::isAnnotationPresent);
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getDeclaredMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @DenyAll
    static class Sample {
        @GET
        @PermitAll
        public void open() {
        }

        @GET
        @RolesAllowed(Roles.BILLING_ADMIN)
        public void admins() {
        }

        @GET
        public void inherited() {
        }
    }

    static class Silent {
        @GET
        public void forgotten() {
        }
    }
}
