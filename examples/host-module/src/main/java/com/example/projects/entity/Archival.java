package com.example.projects.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;

/**
 * One archival of a workspace's projects, keyed by the Stripe event that ended the subscription:
 * the idempotency record Portico's guide asks observers with effects to keep.
 */
@Entity
@Table(name = "projects_archival")
public class Archival {

    @Id
    @Column(name = "stripe_event_id", length = 255)
    private String stripeEventId;

    @Column(name = "workspace_id", length = 64, nullable = false)
    private String workspaceId;

    @Column(name = "projects", nullable = false)
    private int projects;

    @Column(name = "archived_at", nullable = false)
    private Timestamp archivedAt;

    protected Archival() {
        // for JPA
    }

    public Archival(String stripeEventId, String workspaceId, int projects, Instant at) {
        this.stripeEventId = Objects.requireNonNull(stripeEventId);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.projects = projects;
        this.archivedAt = Timestamp.from(at);
    }

    public String stripeEventId() {
        return stripeEventId;
    }

    public int projects() {
        return projects;
    }

    public Instant at() {
        return archivedAt.toInstant();
    }
}
