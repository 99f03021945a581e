package dev.portico.notification.control;

import dev.portico.billing.api.PaymentFailed;
import dev.portico.billing.api.PaymentMethodUpdated;
import dev.portico.billing.api.PaymentRecovered;
import dev.portico.billing.api.PlanChanged;
import dev.portico.billing.api.SubscriptionCancelScheduled;
import dev.portico.billing.api.SubscriptionCanceled;
import dev.portico.billing.api.SubscriptionResumed;
import dev.portico.billing.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Turns billing's facts into outbox emails, as a listener of billing's publications: each in the
 * transaction that completes the publication, so the email exists once the change does, and a
 * failure here undoes nothing of billing's. Keys are template + Stripe event id, so no event
 * ever yields a second copy.
 */
@ApplicationScoped
public class BillingNotifier {

    @Inject
    Outbox outbox;

    @Inject
    Dunning dunning;

    @Inject
    Audiences audiences;

    @Inject
    Clock clock;

    void cancelScheduled(@Observes SubscriptionCancelScheduled fact) {
        add(Template.SUBSCRIPTION_CANCEL_SCHEDULED, fact.stripeEventId(), fact.workspace(),
                Emails.cancelScheduled(fact, audiences.of(fact.workspace())));
    }

    void canceled(@Observes SubscriptionCanceled fact) {
        dunning.subscriptionEnded(fact.workspace());
        add(Template.SUBSCRIPTION_CANCELED, fact.stripeEventId(), fact.workspace(),
                Emails.canceled(fact, audiences.of(fact.workspace())));
    }

    void resumed(@Observes SubscriptionResumed fact) {
        add(Template.SUBSCRIPTION_RESUMED, fact.stripeEventId(), fact.workspace(),
                Emails.resumed(fact, audiences.of(fact.workspace())));
    }

    void paymentMethodUpdated(@Observes PaymentMethodUpdated fact) {
        add(Template.PAYMENT_METHOD_UPDATED, fact.stripeEventId(), fact.workspace(),
                Emails.paymentMethodUpdated(clock.instant(), audiences.of(fact.workspace())));
    }

    /** Upgrade applied, downgrade scheduled, downgrade applied: one email per Stripe event. */
    void planChanged(@Observes PlanChanged fact) {
        add(Template.PLAN_CHANGED, fact.stripeEventId(), fact.workspace(),
                Emails.planChanged(fact, audiences.of(fact.workspace())));
    }

    void paymentFailed(@Observes PaymentFailed fact) {
        dunning.failed(fact);
    }

    void paymentRecovered(@Observes PaymentRecovered fact) {
        dunning.paid(fact.invoiceId());
        // One thank-you per invoice, whichever event reported the payment (invoice.paid and
        // invoice.payment_succeeded both do).
        outbox.add(Template.PAYMENT_RECOVERED.id() + ":invoice:" + fact.invoiceId(), fact.workspace(),
                Emails.recovered(fact, clock.instant(), audiences.of(fact.workspace())));
    }

    private void add(Template template, String stripeEventId, WorkspaceId workspace, Rendered email) {
        outbox.add(template.id() + ":event:" + stripeEventId, workspace, email);
    }
}
