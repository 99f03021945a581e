package dev.portico.web.workspace;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/** What a call of the access check asks, whatever its HTTP method (see {@link AccessResource}). */
public class AccessQuery {

    /** {@code read} or {@code write}; wins over the methods. */
    @QueryParam("operation")
    String operation;

    /** The workspace the checked request is for, when the caller knows it. */
    @QueryParam("workspace")
    String workspace;

    /** {@code 402} (default) or {@code 403}: the status of a refusal. */
    @QueryParam("refusedStatus")
    String refusedStatus;

    /** A feature the checked request needs ({@code @Entitled}'s rule); optional. */
    @QueryParam("feature")
    String feature;

    /** The checked request's method, as a gateway forwards it. */
    @HeaderParam("X-Forwarded-Method")
    String forwardedMethod;
}
