package com.example.projects.boundary;

import jakarta.ws.rs.WebApplicationException;

/** A 400 in the product's error shape, which it keeps the same as Portico's: {@code {"error", "message"}}. */
final class BadRequest {

    private BadRequest() {
    }

    static WebApplicationException of(String code, String message) {
        return new WebApplicationException(RefusalResponses.respond(400, RefusalResponses.body(code, message)));
    }
}
