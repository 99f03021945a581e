package dev.portico.web.error;

/** Codes and messages for plain HTTP failures that carry no Portico-specific reason. */
final class HttpErrors {

    private HttpErrors() {
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "INVALID_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }

    static String messageFor(int status) {
        return switch (status) {
            case 401 -> "A valid bearer token is required.";
            case 403 -> "You may not do this.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 415 -> "This media type is not supported here.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request was refused.";
        };
    }
}
