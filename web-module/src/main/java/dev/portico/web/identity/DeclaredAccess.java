package dev.portico.web.identity;

import dev.portico.web.error.ApiError;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authorization by declaration, deny by default: every resource method is let through only as its
 * {@code @PermitAll}, {@code @RolesAllowed} or {@code @DenyAll} (on the method, else on its class)
 * says. A method that declares nothing is refused like {@code @DenyAll}, so forgetting fails closed
 * (and {@code DeclaredAccessTest} fails the build first). Roles are the token's MP-JWT
 * {@code groups}; {@link Roles#ANY_TOKEN} admits any valid token. No token where one is needed:
 * 401 {@code UNAUTHENTICATED}; a token without the role: 403 {@code FORBIDDEN}.
 */
@Provider
public class DeclaredAccess implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Rule rule = rule(resource.getResourceMethod(), resource.getResourceClass());
        Optional<OperatorGate> operators = rule.roles().equals(Set.of(Roles.OPERATOR))
                ? Optional.of(OperatorGate.of(ConfigProvider.getConfig().getOptionalValue(OperatorGate.SUBJECTS, String.class)))
                : Optional.empty();
        context.register(new Check(rule, operators));
    }

    /** What the method declares, the method's own annotation first; {@code null} roles mean "everyone". */
    public static Rule rule(Method method, Class<?> type) {
        for (AnnotatedElement element : List.of(method, type)) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return Rule.DENY;
            }
            if (element.isAnnotationPresent(PermitAll.class)) {
                return Rule.PERMIT;
            }
            RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                return new Rule(true, Set.of(roles.value()));
            }
        }
        return Rule.DENY;
    }

    /** Whether a token is needed, and which groups may pass (empty: none; {@code **}: any). */
    public record Rule(boolean needsToken, Set<String> roles) {
        static final Rule PERMIT = new Rule(false, Set.of());
        static final Rule DENY = new Rule(true, Set.of());

        boolean admits(Set<String> groups) {
            return roles.contains(Roles.ANY_TOKEN) || groups.stream().anyMatch(roles::contains);
        }
    }

    /** {@code operators}: for the operators' methods, their own gate past the group ({@link OperatorGate}). */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final Rule rule;
        private final Optional<OperatorGate> operators;

        Check(Rule rule, Optional<OperatorGate> operators) {
            this.rule = rule;
            this.operators = operators;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!rule.needsToken()) {
                return;
            }
            if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
                throw ApiError.unauthenticated();
            }
            if (!rule.admits(token.getGroups() == null ? Set.of() : token.getGroups())) {
                throw new ApiError(403, "FORBIDDEN", rule.roles().isEmpty() ? "Nobody may do this."
                        : "Only a caller with role " + String.join(" or ", rule.roles()) + " may do this.");
            }
            operators.ifPresent(gate -> gate.check(token));
        }
    }
}
