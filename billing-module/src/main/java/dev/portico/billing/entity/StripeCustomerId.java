package dev.portico.billing.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/** A Stripe customer id, checked ({@code cus_} + alphanumerics) before it is ever used. */
public record StripeCustomerId(String value) {

    private static final Pattern FORMAT = Pattern.compile("cus_[A-Za-z0-9]{1,250}");

    public StripeCustomerId {
        Objects.requireNonNull(value, "Customer id is required.");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a Stripe customer id.");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
