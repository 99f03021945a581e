package dev.portico.billing.control;

import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.SubscriptionSchedule;
import dev.portico.billing.entity.InvoiceSnapshot;
import dev.portico.billing.entity.PlanSnapshot;
import dev.portico.billing.entity.ScheduleSnapshot;
import dev.portico.billing.entity.SubscriptionSnapshot;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** Turns stripe-java objects into the snapshots billing keeps. */
final class Snapshots {

    private Snapshots() {
    }

    static SubscriptionSnapshot of(Subscription s) {
        SubscriptionItem item = s.getItems() == null || s.getItems().getData() == null || s.getItems().getData().isEmpty()
                ? null : s.getItems().getData().get(0);
        Price price = item == null ? null : item.getPrice();
        var details = s.getCancellationDetails();
        return new SubscriptionSnapshot(s.getId(), s.getStatus(), instant(s.getCreated()),
                price == null ? null : price.getId(), price == null ? null : price.getProduct(),
                item == null ? null : instant(item.getCurrentPeriodEnd()), instant(s.getTrialEnd()),
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()), instant(s.getCancelAt()), instant(s.getCanceledAt()),
                instant(s.getEndedAt()), details == null ? null : details.getReason(),
                details == null ? null : details.getFeedback(), details == null ? null : details.getComment(),
                price == null ? null : plan(price, item.getQuantity()), s.getDefaultPaymentMethod(),
                item == null ? null : item.getId());
    }

    private static PlanSnapshot plan(Price price, Long quantity) {
        Price.Recurring recurring = price.getRecurring();
        return new PlanSnapshot(price.getUnitAmount(), price.getCurrency(), recurring == null ? null : recurring.getInterval(),
                recurring == null ? null : recurring.getIntervalCount(), price.getNickname(), price.getLookupKey(), quantity);
    }

    /**
     * The change a schedule holds for later: the first phase starting at or after the current
     * phase's end. Only an active schedule changes anything; a released, canceled or completed one
     * has nothing pending.
     */
    static ScheduleSnapshot of(SubscriptionSchedule schedule) {
        Optional<SubscriptionSchedule.Phase> next = Optional.empty();
        if ("active".equals(schedule.getStatus()) && schedule.getCurrentPhase() != null && schedule.getPhases() != null) {
            Long currentEnd = schedule.getCurrentPhase().getEndDate();
            next = schedule.getPhases().stream()
                    .filter(phase -> currentEnd != null && phase.getStartDate() != null && phase.getStartDate() >= currentEnd)
                    .filter(phase -> phase.getItems() != null && !phase.getItems().isEmpty())
                    .min(Comparator.comparing(SubscriptionSchedule.Phase::getStartDate));
        }
        return new ScheduleSnapshot(schedule.getSubscription(),
                next.map(phase -> phase.getItems().get(0).getPrice()),
                next.map(phase -> instant(phase.getStartDate())));
    }

    static InvoiceSnapshot of(Invoice i) {
        String subscription = i.getParent() == null || i.getParent().getSubscriptionDetails() == null
                ? null : i.getParent().getSubscriptionDetails().getSubscription();
        return new InvoiceSnapshot(i.getId(), i.getCustomer(), subscription, i.getStatus(),
                i.getAttemptCount() == null ? 0 : i.getAttemptCount().intValue(), i.getAmountDue(), i.getAmountPaid(),
                i.getCurrency(), instant(i.getNextPaymentAttempt()), i.getHostedInvoiceUrl(), i.getNumber(),
                instant(i.getCreated()), i.getInvoicePdf());
    }

    static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
