package com.example.projects.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A 400 in the product's error shape, which it keeps the same as Portico's: {@code {"error", "message"}}. */
final class BadRequest {

    private BadRequest() {
    }

    static WebApplicationException of(String code, String message) {
        return new WebApplicationException(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build().toString())
                .build());
    }
}
