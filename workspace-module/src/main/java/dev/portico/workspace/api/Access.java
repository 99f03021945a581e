package dev.portico.workspace.api;

/** What a workspace may do with the host SaaS's resources. */
public enum Access {
    FULL("full"), READ_ONLY("read-only"), NONE("none");

    private final String wireName;

    Access(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON bodies. */
    public String wireName() {
        return wireName;
    }
}
