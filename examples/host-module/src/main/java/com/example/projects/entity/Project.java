package com.example.projects.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;

/** A project of a workspace; archived (kept, read-only in spirit) once its subscription ended. */
@Entity
@Table(name = "projects_project")
public class Project {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "workspace_id", length = 64, nullable = false)
    private String workspaceId;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Timestamp createdAt;

    @Column(name = "archived_at")
    private Timestamp archivedAt;

    /** The Stripe event whose cancellation archived it. */
    @Column(name = "archived_by", length = 255)
    private String archivedBy;

    protected Project() {
        // for JPA
    }

    public Project(String id, String workspaceId, String name, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.name = Objects.requireNonNull(name);
        this.createdAt = Timestamp.from(createdAt);
    }

    public void archive(String stripeEventId, Instant at) {
        if (archivedAt == null) {
            archivedAt = Timestamp.from(at);
            archivedBy = stripeEventId;
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant archivedAt() {
        return archivedAt == null ? null : archivedAt.toInstant();
    }

    public String archivedBy() {
        return archivedBy;
    }
}
