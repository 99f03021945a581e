package dev.portico.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Whom to write to about a workspace's billing, and whether they want it. */
@Entity
@Table(name = "notification_contact")
public class Contact {

    @Id
    @Column(name = "workspace_id", length = 64)
    private String workspaceId;

    @Column(name = "customer_email", length = 512)
    private String customerEmail;

    @Column(name = "customer_name", length = 512)
    private String customerName;

    @Column(name = "admin_email", length = 512)
    private String adminEmail;

    @Column(name = "billing_emails", nullable = false)
    private boolean billingEmails = true;

    @Column(name = "preference_set_at")
    private Timestamp preferenceSetAt;

    protected Contact() {
        // for JPA
    }

    public Contact(String workspaceId) {
        this.workspaceId = Objects.requireNonNull(workspaceId);
    }

    public void customer(String email, String name) {
        if (email != null) {
            this.customerEmail = email;
        }
        if (name != null) {
            this.customerName = name;
        }
    }

    public void admin(String email) {
        this.adminEmail = Objects.requireNonNull(email);
    }

    public void billingEmails(boolean wanted, Instant now) {
        this.billingEmails = wanted;
        this.preferenceSetAt = Timestamp.from(now);
    }

    /** The Stripe customer's email, else the billing admin's seen in a token. */
    public Optional<String> recipient() {
        return Optional.ofNullable(customerEmail).or(() -> Optional.ofNullable(adminEmail));
    }

    /** How emails name the workspace: the Stripe customer's name, else the workspace id. */
    public String displayName() {
        return customerName != null && !customerName.isBlank() ? customerName : workspaceId;
    }

    public boolean wantsBillingEmails() {
        return billingEmails;
    }

    public Instant preferenceSetAt() {
        return preferenceSetAt == null ? null : preferenceSetAt.toInstant();
    }
}
