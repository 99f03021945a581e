package dev.portico.billing.api;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant of the host SaaS, as named by the {@code workspace_id} claim of a token. */
public record WorkspaceId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    public WorkspaceId {
        Objects.requireNonNull(value, "Workspace id is required.");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Workspace id must be 1-64 letters, digits, '_', '.', ':' or '-'.");
        }
    }

    /** Whether {@code value} is a well-formed workspace id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
