package dev.portico.billing.control;

import com.stripe.exception.StripeException;

/** One request to Stripe's API, as stripe-java makes it. */
@FunctionalInterface
interface StripeCall<T> {
    T run() throws StripeException;
}
