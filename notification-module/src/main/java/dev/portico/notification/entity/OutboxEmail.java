package dev.portico.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One email in the outbox: rendered when its cause committed, sent (or suppressed) later. */
@Entity
@Table(name = "notification_email")
public class OutboxEmail {

    /** Where an email stands; {@code PENDING} and {@code RETRYING} are still to be sent. */
    public enum Status { PENDING, SENT, RETRYING, FAILED, SUPPRESSED }

    @Id
    @Column(name = "email_id", length = 64)
    private String emailId;

    @Column(name = "idempotency_key", length = 320, nullable = false, unique = true)
    private String idempotencyKey;

    @Column(name = "workspace_id", length = 64, nullable = false)
    private String workspaceId;

    @Column(name = "template", length = 64, nullable = false)
    private String template;

    @Column(name = "recipient", length = 512)
    private String recipient;

    @Column(name = "subject", length = 512, nullable = false)
    private String subject;

    @Column(name = "text_body", length = 16000, nullable = false)
    private String textBody;

    @Column(name = "html_body", length = 32000, nullable = false)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private Status status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Timestamp createdAt;

    @Column(name = "next_attempt_at")
    private Timestamp nextAttemptAt;

    @Column(name = "claimed_until")
    private Timestamp claimedUntil;

    @Column(name = "sent_at")
    private Timestamp sentAt;

    @Column(name = "detail", length = 1000)
    private String detail;

    protected OutboxEmail() {
        // for JPA
    }

    public OutboxEmail(String idempotencyKey, String workspaceId, String template, String recipient, String subject,
                       String textBody, String htmlBody, Instant now) {
        this.emailId = UUID.randomUUID().toString();
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.template = Objects.requireNonNull(template);
        this.recipient = recipient;
        this.subject = Objects.requireNonNull(subject);
        this.textBody = Objects.requireNonNull(textBody);
        this.htmlBody = Objects.requireNonNull(htmlBody);
        this.status = Status.PENDING;
        this.createdAt = Timestamp.from(now);
        this.nextAttemptAt = Timestamp.from(now);
    }

    /** Will not be sent: the workspace opted out, or its cause is gone (a paid invoice's reminder). */
    public void suppress(String why) {
        this.status = Status.SUPPRESSED;
        this.detail = truncate(why);
        this.nextAttemptAt = null;
        this.claimedUntil = null;
    }

    public void sent(Instant now) {
        this.status = Status.SENT;
        this.attempts++;
        this.sentAt = Timestamp.from(now);
        this.nextAttemptAt = null;
        this.claimedUntil = null;
        this.detail = null;
    }

    /** A failed attempt: retried after {@code backoff}, or FAILED for good when there is none. */
    public void attemptFailed(String why, Duration backoff, Instant now) {
        this.attempts++;
        this.detail = truncate(why);
        this.claimedUntil = null;
        if (backoff == null) {
            this.status = Status.FAILED;
            this.nextAttemptAt = null;
        } else {
            this.status = Status.RETRYING;
            this.nextAttemptAt = Timestamp.from(now.plus(backoff));
        }
    }

    public void addressTo(String address) {
        this.recipient = address;
    }

    public boolean isPending() {
        return status == Status.PENDING || status == Status.RETRYING;
    }

    public String emailId() {
        return emailId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String template() {
        return template;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant sentAt() {
        return sentAt == null ? null : sentAt.toInstant();
    }

    public String detail() {
        return detail;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
