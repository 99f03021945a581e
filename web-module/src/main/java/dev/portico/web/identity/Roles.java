package dev.portico.web.identity;

/** The roles resource methods declare (MP-JWT's {@code groups} claim names a token's roles). */
public final class Roles {

    /** May manage the workspace's billing: portal sessions, events, email log and preferences. */
    public static final String BILLING_ADMIN = "billing-admin";
    /** Runs Portico: sees the pipeline's backlog and failures of every workspace; needs no workspace. */
    public static final String OPERATOR = "portico-operator";
    /** Any valid token, whatever its groups (the Jakarta EE name for "every authenticated caller"). */
    public static final String ANY_TOKEN = "**";

    private Roles() {
    }
}
