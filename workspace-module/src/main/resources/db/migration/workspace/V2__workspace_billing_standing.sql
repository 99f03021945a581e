-- Workspace-module's own copy of each workspace's billing state, written from billing's events in
-- the transaction that applies them; enforcement reads it (through a cache), never billing's tables.
-- status_since: Stripe's time of the first event with the current status (grace runs from it);
-- as_of: Stripe's time of the newest event reflected here.
CREATE TABLE workspace_billing_standing (
    workspace_id       VARCHAR(64) NOT NULL,
    status             VARCHAR(32) NOT NULL,
    current_period_end TIMESTAMP,
    status_since       TIMESTAMP   NOT NULL,
    as_of              TIMESTAMP   NOT NULL,
    updated_at         TIMESTAMP   NOT NULL,
    CONSTRAINT pk_workspace_billing_standing PRIMARY KEY (workspace_id)
);
