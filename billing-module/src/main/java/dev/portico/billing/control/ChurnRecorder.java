package dev.portico.billing.control;

import dev.portico.billing.api.PlanPrice;
import dev.portico.billing.api.SubscriptionCancelScheduled;
import dev.portico.billing.api.SubscriptionCanceled;
import dev.portico.billing.api.SubscriptionResumed;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.entity.ChurnRecord;
import dev.portico.billing.entity.ChurnRecord.Facts;
import dev.portico.billing.entity.ChurnRecord.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Records every cancellation for the churn insights: a listener of billing's own events like any
 * other module's (after billing's commit, in the publication's transaction, so a record is written
 * exactly once); a resumed pause is no cancellation undone and is left out.
 */
@ApplicationScoped
public class ChurnRecorder {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    Clock clock;

    void on(@Observes SubscriptionCancelScheduled scheduled) {
        record(scheduled.stripeEventId(), scheduled.workspace(), scheduled.subscriptionId(), Kind.SCHEDULED, scheduled.asOf(),
                scheduled.reason(), scheduled.feedback(), scheduled.comment(), scheduled.plan(), scheduled.startedAt());
    }

    void on(@Observes SubscriptionResumed resumed) {
        if (resumed.cancelUndone()) {
            record(resumed.stripeEventId(), resumed.workspace(), resumed.subscriptionId(), Kind.UNDONE, resumed.asOf(),
                    null, null, null, resumed.plan(), resumed.startedAt());
        }
    }

    void on(@Observes SubscriptionCanceled canceled) {
        record(canceled.stripeEventId(), canceled.workspace(), canceled.subscriptionId(), Kind.ENDED, canceled.asOf(),
                canceled.reason(), canceled.feedback(), canceled.comment(), canceled.plan(), canceled.startedAt());
    }

    private void record(String stripeEventId, WorkspaceId workspace, String subscription, Kind kind, Instant asOf,
                        String reason, String feedback, String comment, PlanPrice plan, Instant startedAt) {
        if (em.find(ChurnRecord.class, ChurnRecord.id(stripeEventId, kind)) != null) {
            return;
        }
        // A publication stored before these facts were carried has no event time: it counts from now.
        Instant at = asOf != null ? asOf : clock.instant();
        Integer age = startedAt == null || startedAt.isAfter(at) ? null : (int) Duration.between(startedAt, at).toDays();
        em.persist(new ChurnRecord(stripeEventId, new Facts(workspace.value(), subscription, kind, at, reason, feedback,
                comment == null || comment.isBlank() ? null : comment.strip(), plan == null ? null : plan.priceId(),
                plan == null ? null : plan.productId(), MonthlyAmount.of(plan), plan == null ? null : plan.currency(), age)));
    }
}
