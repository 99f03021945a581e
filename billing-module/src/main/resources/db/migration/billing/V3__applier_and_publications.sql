-- The applier's work: events stored by the intake and not applied yet are found by status
-- (the sweep after a crash or restart; on the node that stored them the intake hands them over).
CREATE INDEX ix_billing_webhook_event_status ON billing_webhook_event (status, received_at);

-- One row per Stripe customer the applier has worked for. A node applies a customer's events only
-- while it holds the claim: owner is that node, lease_until when another may take over if it died.
CREATE TABLE billing_apply_claim (
    claim_key   VARCHAR(255) NOT NULL,
    owner       VARCHAR(64)  NOT NULL,
    lease_until TIMESTAMP    NOT NULL,
    CONSTRAINT pk_billing_apply_claim PRIMARY KEY (claim_key)
);

-- The publication registry: each of billing's domain events, once per listener, written in the
-- transaction that applied the Stripe event; completed_at is set in the listener's own transaction.
-- next_attempt_at: when the sweep may deliver it (again); null once completed.
CREATE TABLE billing_event_publication (
    publication_id  VARCHAR(36)   NOT NULL,
    listener        VARCHAR(512)  NOT NULL,
    event_type      VARCHAR(128)  NOT NULL,
    payload         VARCHAR(8000) NOT NULL,
    stripe_event_id VARCHAR(255)  NOT NULL,
    workspace_id    VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    attempts        INTEGER       DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP,
    completed_at    TIMESTAMP,
    last_error      VARCHAR(1000),
    CONSTRAINT pk_billing_event_publication PRIMARY KEY (publication_id)
);
CREATE INDEX ix_billing_event_publication_due ON billing_event_publication (next_attempt_at);
-- Where an operator (or a test) asks what became of one Stripe event's publications.
CREATE INDEX ix_billing_event_publication_event ON billing_event_publication (stripe_event_id);
