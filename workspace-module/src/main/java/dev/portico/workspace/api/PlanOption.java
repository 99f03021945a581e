package dev.portico.workspace.api;

/** A plan on offer, as a refusal names it: its Stripe price and its name. */
public record PlanOption(String priceId, String name) {
}
