package dev.portico.web;

import dev.portico.web.error.ApiError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;

/**
 * Checks a request record's Bean Validation constraints ({@code @NotBlank}, {@code @Size}, ...):
 * the first broken one, by field name, answers 400 {@code INVALID_REQUEST} with its message, so
 * a record states its limits once, on its fields.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static <T> T valid(Validator validator, T body) {
        validator.validate(body).stream()
                .min(Comparator.comparing((ConstraintViolation<T> violation) -> violation.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .ifPresent(violation -> {
                    throw ApiError.invalidRequest(violation.getMessage());
                });
        return body;
    }
}
