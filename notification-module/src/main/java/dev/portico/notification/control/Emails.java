package dev.portico.notification.control;

import dev.portico.billing.api.PaymentRecovered;
import dev.portico.billing.api.PlanChanged;
import dev.portico.billing.api.SubscriptionCancelScheduled;
import dev.portico.billing.api.SubscriptionCanceled;
import dev.portico.billing.api.SubscriptionResumed;
import dev.portico.notification.entity.DunningSequence;
import java.time.Instant;

/** The words of every email. {@code to} names the workspace and the links every email carries. */
final class Emails {

    /** The workspace as the email names it, and the links of its footer. */
    record Audience(String workspace, String billingPageUrl, String unsubscribeUrl) {
    }

    private Emails() {
    }

    static Rendered cancelScheduled(SubscriptionCancelScheduled fact, Audience to) {
        return new EmailWriter(Template.SUBSCRIPTION_CANCEL_SCHEDULED.id(),
                "Your subscription for " + to.workspace() + " ends on " + EmailWriter.day(fact.endsAt()), to.workspace())
                .paragraph("The subscription for " + to.workspace() + " is set to cancel. You keep full access until "
                        + EmailWriter.day(fact.endsAt()) + " (UTC); nothing more will be charged.")
                .paragraph("Changed your mind? Renew the subscription from the billing page before that date.")
                .finish(to.billingPageUrl(), to.unsubscribeUrl());
    }

    static Rendered canceled(SubscriptionCanceled fact, Audience to) {
        Instant ended = fact.endedAt() != null ? fact.endedAt() : fact.paidUntil();
        EmailWriter email = new EmailWriter(Template.SUBSCRIPTION_CANCELED.id(),
                "Your subscription for " + to.workspace() + " has ended", to.workspace())
                .paragraph("The subscription for " + to.workspace() + " ended on " + EmailWriter.day(ended) + ".");
        if (fact.paidUntil() != null && (ended == null || fact.paidUntil().isAfter(ended))) {
            email.paragraph("What was paid for stays readable until " + EmailWriter.day(fact.paidUntil()) + ".");
        }
        return email.paragraph("You can subscribe again at any time from the billing page.")
                .finish(to.billingPageUrl(), to.unsubscribeUrl());
    }

    static Rendered resumed(SubscriptionResumed fact, Audience to) {
        return new EmailWriter(Template.SUBSCRIPTION_RESUMED.id(),
                "Your subscription for " + to.workspace() + " continues", to.workspace())
                .paragraph("The subscription for " + to.workspace() + " is active again"
                        + (fact.currentPeriodEnd() == null ? "." : "; it renews on "
                        + EmailWriter.day(fact.currentPeriodEnd()) + "."))
                .finish(to.billingPageUrl(), to.unsubscribeUrl());
    }

    static Rendered paymentMethodUpdated(Instant when, Audience to) {
        return new EmailWriter(Template.PAYMENT_METHOD_UPDATED.id(),
                "Payment method updated for " + to.workspace(), to.workspace())
                .paragraph("The payment method for " + to.workspace() + " was changed on " + EmailWriter.day(when)
                        + ". Future invoices are charged to it.")
                .paragraph("If you did not make this change, check the billing page and tell your administrator.")
                .finish(to.billingPageUrl(), to.unsubscribeUrl());
    }

    static Rendered dunning(int number, DunningSequence failing, Audience to) {
        String amount = EmailWriter.money(failing.amountDue(), failing.currency());
        String subject = number == 1
                ? "Payment failed for " + to.workspace() + ": " + amount + " is due"
                : "Reminder " + (number - 1) + ": the payment for " + to.workspace() + " is still failing";
        EmailWriter email = new EmailWriter(Template.dunning(number), subject, to.workspace())
                .paragraph("We could not collect " + amount + " for the subscription of " + to.workspace()
                        + " (invoice " + failing.invoiceId() + ").");
        if (failing.nextPaymentAt() != null) {
            email.paragraph("We will try again on " + EmailWriter.day(failing.nextPaymentAt())
                    + ". Until the invoice is paid the workspace may be read-only.");
        } else {
            email.paragraph("No further automatic attempt is scheduled. Until the invoice is paid the workspace may be"
                    + " read-only.");
        }
        return email.paragraph("Update the payment method or pay the invoice now to keep full access.")
                .link("Pay the invoice", failing.hostedInvoiceUrl())
                .finish(to.billingPageUrl(), to.unsubscribeUrl());
    }

    static Rendered recovered(PaymentRecovered fact, Instant when, Audience to) {
        return new EmailWriter(Template.PAYMENT_RECOVERED.id(),
                "Payment received for " + to.workspace() + ", thank you", to.workspace())
                .paragraph("We received " + EmailWriter.money(fact.amountPaid(), fact.currency()) + " for invoice "
                        + fact.invoiceId() + " on " + EmailWriter.day(when) + ". The subscription of " + to.workspace()
                        + " is in good standing again.")
                .finish(to.billingPageUrl(), to.unsubscribeUrl());
    }

    static Rendered planChanged(PlanChanged fact, Audience to) {
        String plan = fact.toName() == null ? "a new plan" : fact.toName();
        String when = fact.effectiveAt() == null ? "at the end of the current period" : "on " + EmailWriter.day(fact.effectiveAt());
        EmailWriter email = switch (fact.change()) {
            case SCHEDULED -> new EmailWriter(Template.PLAN_CHANGED.id(),
                    to.workspace() + " switches to " + plan + " " + when, to.workspace())
                    .paragraph("The plan of " + to.workspace() + " changes from " + fact.fromName() + " to " + plan + " "
                            + when + " (UTC). Until then everything in " + fact.fromName() + " stays available.");
            case UPGRADED -> new EmailWriter(Template.PLAN_CHANGED.id(), to.workspace() + " is now on " + plan,
                    to.workspace())
                    .paragraph("The plan of " + to.workspace() + " changed from " + fact.fromName() + " to " + plan
                            + "; what it adds is available now. Stripe prorates the difference for the rest of this period.");
            case DOWNGRADED, SWITCHED -> new EmailWriter(Template.PLAN_CHANGED.id(), to.workspace() + " is now on " + plan,
                    to.workspace())
                    .paragraph("The plan of " + to.workspace() + " changed from " + fact.fromName() + " to " + plan + " on "
                            + EmailWriter.day(fact.effectiveAt()) + ".");
        };
        if (fact.to() != null && fact.to().unitAmount() != null && fact.to().currency() != null) {
            email.paragraph(plan + " costs " + EmailWriter.money(fact.to().unitAmount(), fact.to().currency())
                    + (fact.to().interval() == null ? "." : " per " + fact.to().interval() + "."));
        }
        return email.finish(to.billingPageUrl(), to.unsubscribeUrl());
    }
}
