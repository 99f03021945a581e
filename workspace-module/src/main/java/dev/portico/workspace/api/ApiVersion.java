package dev.portico.workspace.api;

/**
 * The version of this package's contract (its records, enums, annotations and their members),
 * semantic: the minor part goes up when something is added (a record's component, an enum's
 * constant, a type), the major part when anything is renamed, removed or retyped. Each version's
 * shape is kept with web-module's tests, and {@code ApiContractTest} fails when the shape changes
 * without a new version, or a version's step is too small for what changed.
 */
public final class ApiVersion {

    public static final String CURRENT = "1.2.0";

    private ApiVersion() {
    }
}
