package dev.portico.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reconcile sweep: the catch-up from Stripe's Events API, then a batch of workspace resyncs.
 * Its progress is written as it goes, so a sweep cut short by a crash is resumed where it stood.
 */
@Entity
@Table(name = "billing_reconcile_sweep")
public class ReconcileSweep {

    /** RUNNING until it ends: COMPLETED, or FAILED (Stripe unreachable: the next sweep starts afresh). */
    public enum Status { RUNNING, COMPLETED, FAILED }

    /** What it does now: listing events, then resyncing workspaces. */
    public enum Phase { CATCH_UP, DRIFT }

    @Id
    @Column(name = "sweep_id", length = 36)
    private String id;

    @Column(name = "node", length = 64, nullable = false)
    private String node;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "phase", length = 16, nullable = false)
    private Phase phase;

    @Column(name = "listed_from", nullable = false)
    private Instant listedFrom;

    @Column(name = "cursor_event")
    private String cursor;

    @Column(name = "events_listed", nullable = false)
    private int eventsListed;

    @Column(name = "events_recovered", nullable = false)
    private int eventsRecovered;

    @Column(name = "workspaces_planned", nullable = false)
    private int workspacesPlanned;

    @Column(name = "workspaces_checked", nullable = false)
    private int workspacesChecked;

    @Column(name = "drift_repaired", nullable = false)
    private int driftRepaired;

    @Column(name = "errors", nullable = false)
    private int errors;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected ReconcileSweep() {
        // for JPA
    }

    public ReconcileSweep(String id, String node, Instant startedAt, Instant listedFrom) {
        this.id = Objects.requireNonNull(id);
        this.node = Objects.requireNonNull(node);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.listedFrom = Objects.requireNonNull(listedFrom);
        this.status = Status.RUNNING;
        this.phase = Phase.CATCH_UP;
    }

    /** A page of events was listed and stored: paging goes on after {@code lastEventId}. */
    public void listed(String lastEventId, int listed, int recovered, int malformed) {
        this.cursor = lastEventId;
        this.eventsListed += listed;
        this.eventsRecovered += recovered;
        this.errors += malformed;
    }

    /** The catch-up listed everything: the resyncs come next, {@code planned} of them. */
    public void resyncNext(int planned) {
        this.phase = Phase.DRIFT;
        this.workspacesPlanned = planned;
    }

    /** One workspace compared with Stripe: {@code repaired} fields differed; {@code error} when it could not be. */
    public void checked(int repaired, Optional<String> error) {
        this.workspacesChecked++;
        this.driftRepaired += repaired;
        error.ifPresent(this::error);
    }

    public void completed(Instant now) {
        this.status = Status.COMPLETED;
        this.finishedAt = now;
    }

    public void failed(String why, Instant now) {
        error(why);
        this.status = Status.FAILED;
        this.finishedAt = now;
    }

    /** A node took over the sweep of one that stopped (crashed) while running it. */
    public void resumedBy(String node) {
        this.node = node;
    }

    private void error(String why) {
        this.errors++;
        this.lastError = why.length() > 1000 ? why.substring(0, 1000) : why;
    }

    public String id() {
        return id;
    }

    public String node() {
        return node;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Status status() {
        return status;
    }

    public Phase phase() {
        return phase;
    }

    public Instant listedFrom() {
        return listedFrom;
    }

    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    public int eventsListed() {
        return eventsListed;
    }

    public int eventsRecovered() {
        return eventsRecovered;
    }

    public int workspacesPlanned() {
        return workspacesPlanned;
    }

    public int workspacesChecked() {
        return workspacesChecked;
    }

    public int driftRepaired() {
        return driftRepaired;
    }

    public int errors() {
        return errors;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
