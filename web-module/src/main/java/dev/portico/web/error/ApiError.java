package dev.portico.web.error;

import java.time.Duration;

/** A refusal the web layer decides itself (authentication, input): status, code and human message. */
public class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiError(int status, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static ApiError unauthenticated() {
        return new ApiError(401, "UNAUTHENTICATED", "A valid bearer token is required.");
    }

    public static ApiError invalidRequest(String message) {
        return new ApiError(400, "INVALID_REQUEST", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
