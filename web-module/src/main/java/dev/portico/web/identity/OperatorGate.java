package dev.portico.web.identity;

import dev.portico.web.error.ApiError;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The operators' own gate, past the group: the group {@code portico-operator} rides in the same
 * {@code groups} claim as tenants' roles, which a tenant's admin may be able to assign in the
 * identity provider, and it opens every tenant's data. So an operator's token also acts for no
 * workspace (no {@code workspace_id}: a tenant's token never passes), and, where
 * {@code portico.operator.subjects} lists them, its {@code sub} is one of those (recommended in
 * production: then no assignment in the identity provider alone makes an operator).
 */
record OperatorGate(Optional<Set<String>> subjects) {

    static final String SUBJECTS = "portico.operator.subjects";

    /** From a comma-separated list of subjects, or none (blank counts as none). */
    static OperatorGate of(Optional<String> subjects) {
        return new OperatorGate(subjects.map(list -> Arrays.stream(list.split(",")).map(String::trim)
                .filter(each -> !each.isEmpty()).collect(Collectors.toUnmodifiableSet())).filter(set -> !set.isEmpty()));
    }

    /** Throws {@code 403 FORBIDDEN} unless the token, in group {@code portico-operator}, passes. */
    void check(JsonWebToken token) {
        if (token.getClaim("workspace_id") != null) {
            throw new ApiError(403, "FORBIDDEN", "An operator's token acts for no workspace: this one names one.");
        }
        if (subjects.isPresent() && !subjects.get().contains(token.getSubject())) {
            throw new ApiError(403, "FORBIDDEN", "This token's subject is not one of Portico's operators.");
        }
    }
}
