package dev.portico.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One cancellation fact for the churn insights: a cancellation scheduled, undone, or a subscription
 * ended, with Stripe's cancellation details, the price given up as a monthly amount and the
 * subscription's age. Keyed by the Stripe event and the kind: recorded once however often delivered.
 */
@Entity
@Table(name = "billing_churn")
public class ChurnRecord {

    /** What happened. */
    public enum Kind { SCHEDULED, UNDONE, ENDED }

    @Id
    @Column(name = "id", length = 300)
    private String id;

    @Column(name = "workspace_id", length = 64, nullable = false)
    private String workspaceId;

    @Column(name = "subscription_id")
    private String subscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 16, nullable = false)
    private Kind kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "reason", length = 64)
    private String reason;

    @Column(name = "feedback", length = 64)
    private String feedback;

    @Column(name = "comment_text", length = 1000)
    private String comment;

    @Column(name = "price_id")
    private String priceId;

    @Column(name = "product_id")
    private String productId;

    @Column(name = "monthly_amount")
    private Long monthlyAmount;

    @Column(name = "currency", length = 8)
    private String currency;

    @Column(name = "age_days")
    private Integer ageDays;

    protected ChurnRecord() {
        // for JPA
    }

    /** The facts of one record; the comment is cut to the column's 1000 characters. */
    public record Facts(String workspaceId, String subscriptionId, Kind kind, Instant occurredAt, String reason,
                        String feedback, String comment, String priceId, String productId, Long monthlyAmount,
                        String currency, Integer ageDays) {
    }

    public ChurnRecord(String stripeEventId, Facts facts) {
        this.id = Objects.requireNonNull(stripeEventId) + ":" + facts.kind();
        this.workspaceId = Objects.requireNonNull(facts.workspaceId());
        this.subscriptionId = facts.subscriptionId();
        this.kind = facts.kind();
        this.occurredAt = Objects.requireNonNull(facts.occurredAt());
        this.reason = facts.reason();
        this.feedback = facts.feedback();
        this.comment = facts.comment() == null || facts.comment().length() <= 1000 ? facts.comment()
                : facts.comment().substring(0, 1000);
        this.priceId = facts.priceId();
        this.productId = facts.productId();
        this.monthlyAmount = facts.monthlyAmount();
        this.currency = facts.currency();
        this.ageDays = facts.ageDays();
    }

    public static String id(String stripeEventId, Kind kind) {
        return stripeEventId + ":" + kind;
    }

    public Facts facts() {
        return new Facts(workspaceId, subscriptionId, kind, occurredAt, reason, feedback, comment, priceId, productId,
                monthlyAmount, currency, ageDays);
    }
}
