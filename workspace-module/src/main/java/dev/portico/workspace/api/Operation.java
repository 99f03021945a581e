package dev.portico.workspace.api;

/** What a guarded call does to the host SaaS's resources. */
public enum Operation {
    /** Needs at least read-only access. */
    READ,
    /** Needs full access. */
    WRITE;

    /** Whether a workspace with {@code access} may do this. */
    public boolean allowedWith(Access access) {
        return switch (this) {
            case READ -> access != Access.NONE;
            case WRITE -> access == Access.FULL;
        };
    }
}
