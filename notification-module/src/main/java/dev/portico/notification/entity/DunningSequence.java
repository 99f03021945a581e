package dev.portico.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The reminders for one failing invoice: the first email at its first failure, then one per
 * configured delay after that failure, until the invoice is paid or the subscription ends.
 */
@Entity
@Table(name = "notification_dunning")
public class DunningSequence {

    @Id
    @Column(name = "invoice_id")
    private String invoiceId;

    @Column(name = "workspace_id", length = 64, nullable = false)
    private String workspaceId;

    @Column(name = "started_at", nullable = false)
    private Timestamp startedAt;

    @Column(name = "reminders_sent", nullable = false)
    private int remindersSent;

    @Column(name = "next_reminder_at")
    private Timestamp nextReminderAt;

    @Column(name = "amount_due", nullable = false)
    private long amountDue;

    @Column(name = "currency", length = 8)
    private String currency;

    @Column(name = "hosted_invoice_url", length = 1000)
    private String hostedInvoiceUrl;

    @Column(name = "next_payment_at")
    private Timestamp nextPaymentAt;

    @Column(name = "stopped_at")
    private Timestamp stoppedAt;

    @Column(name = "stop_reason", length = 64)
    private String stopReason;

    protected DunningSequence() {
        // for JPA
    }

    /** Started by the invoice's first failure; the first email (number 1) is enqueued with it. */
    public DunningSequence(String invoiceId, String workspaceId, Instant startedAt, List<Duration> reminders) {
        this.invoiceId = Objects.requireNonNull(invoiceId);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.startedAt = Timestamp.from(startedAt);
        this.remindersSent = 1;
        schedule(reminders);
    }

    /** The invoice's latest figures, for the reminders still to come. */
    public void describe(long amountDue, String currency, String hostedInvoiceUrl, Instant nextPaymentAt) {
        this.amountDue = amountDue;
        this.currency = currency;
        this.hostedInvoiceUrl = hostedInvoiceUrl;
        this.nextPaymentAt = nextPaymentAt == null ? null : Timestamp.from(nextPaymentAt);
    }

    /** Counts the reminder just enqueued and schedules the next, if any; returns its number. */
    public int advance(List<Duration> reminders) {
        remindersSent++;
        schedule(reminders);
        return remindersSent;
    }

    public void stop(String reason, Instant now) {
        if (stoppedAt == null) {
            this.stoppedAt = Timestamp.from(now);
            this.stopReason = reason;
            this.nextReminderAt = null;
        }
    }

    private void schedule(List<Duration> reminders) {
        // Reminder k (k >= 2) is due reminders[k - 2] after the first failure.
        int next = remindersSent - 1;
        this.nextReminderAt = next < reminders.size() ? Timestamp.from(startedAt.toInstant().plus(reminders.get(next))) : null;
    }

    public boolean isActive() {
        return stoppedAt == null;
    }

    public String invoiceId() {
        return invoiceId;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public int remindersSent() {
        return remindersSent;
    }

    public Instant nextReminderAt() {
        return nextReminderAt == null ? null : nextReminderAt.toInstant();
    }

    public long amountDue() {
        return amountDue;
    }

    public String currency() {
        return currency;
    }

    public String hostedInvoiceUrl() {
        return hostedInvoiceUrl;
    }

    public Instant nextPaymentAt() {
        return nextPaymentAt == null ? null : nextPaymentAt.toInstant();
    }
}
