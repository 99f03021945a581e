-- How each event reached the inbox: 'WEBHOOK' (Stripe's delivery) or 'CATCH_UP' (read from Stripe's
-- Events API by the reconciler because no delivery came).
ALTER TABLE billing_webhook_event ADD COLUMN arrival VARCHAR(16) DEFAULT 'WEBHOOK' NOT NULL;

-- When the drift sweep (or an on-demand resync) last compared the workspace with Stripe; null:
-- never, so it comes first.
ALTER TABLE billing_account ADD COLUMN reconciled_at TIMESTAMP;
CREATE INDEX ix_billing_account_reconciled ON billing_account (reconciled_at);

-- One row per reconcile sweep (catch-up from the Events API, then a batch of resyncs). A sweep
-- interrupted by a crash stays RUNNING; whichever node takes the sweep lease next resumes it from
-- phase and cursor (the id of the last event stored, paging newest first; events listed since
-- listed_from).
CREATE TABLE billing_reconcile_sweep (
    sweep_id           VARCHAR(36)   NOT NULL,
    node               VARCHAR(64)   NOT NULL,
    started_at         TIMESTAMP     NOT NULL,
    finished_at        TIMESTAMP,
    status             VARCHAR(16)   NOT NULL,
    phase              VARCHAR(16)   NOT NULL,
    listed_from        TIMESTAMP     NOT NULL,
    cursor_event       VARCHAR(255),
    events_listed      INTEGER       DEFAULT 0 NOT NULL,
    events_recovered   INTEGER       DEFAULT 0 NOT NULL,
    workspaces_planned INTEGER       DEFAULT 0 NOT NULL,
    workspaces_checked INTEGER       DEFAULT 0 NOT NULL,
    drift_repaired     INTEGER       DEFAULT 0 NOT NULL,
    errors             INTEGER       DEFAULT 0 NOT NULL,
    last_error         VARCHAR(1000),
    CONSTRAINT pk_billing_reconcile_sweep PRIMARY KEY (sweep_id)
);
CREATE INDEX ix_billing_reconcile_sweep_started ON billing_reconcile_sweep (started_at);

-- Drift found and repaired: a field of a workspace's billing state that differed from Stripe's
-- objects; sweep_id is null for an on-demand resync.
CREATE TABLE billing_drift (
    drift_id     VARCHAR(36)   NOT NULL,
    sweep_id     VARCHAR(36),
    workspace_id VARCHAR(64)   NOT NULL,
    field        VARCHAR(64)   NOT NULL,
    stored_value VARCHAR(1000),
    stripe_value VARCHAR(1000),
    found_at     TIMESTAMP     NOT NULL,
    CONSTRAINT pk_billing_drift PRIMARY KEY (drift_id)
);
CREATE INDEX ix_billing_drift_sweep ON billing_drift (sweep_id);
CREATE INDEX ix_billing_drift_workspace ON billing_drift (workspace_id, found_at);
