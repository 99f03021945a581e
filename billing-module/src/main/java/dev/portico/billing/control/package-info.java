/**
 * Billing's machinery: the Stripe gateway, return-URL policy, throttling, the account store, and
 * the webhook pipeline, whose stages have one name each:
 *
 * <pre>
 *  intake ───────────▶ inbox ─────────────▶ applier ──────────────────▶ publications
 *  (boundary            Inbox, InboxWriter   Applier, ApplierTransaction Publications,
 *   WebhookIntake:      (group commit)       Claims, EventHandlers       PublicationDelivery,
 *   verify, Envelope)                        (each given a TypedEvent)   Listeners
 * </pre>
 *
 * A Stripe event's states in the inbox ({@code WebhookEvent.Status}):
 *
 * <pre>
 *   delivery ──verify, store──▶ IGNORED   (final: a type Portico does not act on, settled on arrival)
 *   delivery ──verify, store──▶ RECEIVED ──applier──▶ APPLIED   (final)
 *                                  │        └───────▶ IGNORED   (final: nothing to do)
 *                                  │        └───────▶ UNMATCHED ──its customer linked──▶ applied again
 *                                  └──handler fails──▶ FAILED   ──backoff, sweep or operator──▶ applied again
 * </pre>
 *
 * A publication (one per billing event and listener, {@code Publication}): recorded with the
 * state change → delivered after the commit, the listener and its completion in one transaction →
 * completed; a failed delivery is retried with backoff, its error kept, until it completes.
 */
package dev.portico.billing.control;
