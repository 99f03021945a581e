package dev.portico.workspace.entity;

import dev.portico.billing.api.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A workspace Portico has seen in a valid token. */
@Entity
@Table(name = "workspace_directory")
public class KnownWorkspace {

    @Id
    @Column(name = "workspace_id", length = 64)
    private String workspaceId;

    @Column(name = "first_seen_at", nullable = false)
    private Timestamp firstSeenAt;

    @Column(name = "billing_admin_email", length = 512)
    private String billingAdminEmail;

    protected KnownWorkspace() {
        // for JPA
    }

    public KnownWorkspace(WorkspaceId workspace, Instant firstSeen) {
        this.workspaceId = Objects.requireNonNull(workspace, "Workspace is required.").value();
        this.firstSeenAt = Timestamp.from(Objects.requireNonNull(firstSeen));
    }

    public Optional<String> billingAdminEmail() {
        return Optional.ofNullable(billingAdminEmail);
    }

    public void billingAdminSeen(String email) {
        this.billingAdminEmail = Objects.requireNonNull(email);
    }
}
