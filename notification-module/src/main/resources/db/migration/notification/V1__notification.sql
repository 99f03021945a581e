-- The email outbox: every email Portico means to send, written in the transaction of the change
-- that causes it. idempotency_key (template + Stripe event, or template + invoice for dunning)
-- makes a second copy impossible. claimed_until: a node sending it holds it until then.
CREATE TABLE notification_email (
    email_id         VARCHAR(64)    NOT NULL,
    idempotency_key  VARCHAR(320)   NOT NULL,
    workspace_id     VARCHAR(64)    NOT NULL,
    template         VARCHAR(64)    NOT NULL,
    recipient        VARCHAR(512),
    subject          VARCHAR(512)   NOT NULL,
    text_body        VARCHAR(16000) NOT NULL,
    html_body        VARCHAR(32000) NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    attempts         INTEGER        DEFAULT 0 NOT NULL,
    created_at       TIMESTAMP      NOT NULL,
    next_attempt_at  TIMESTAMP,
    claimed_until    TIMESTAMP,
    sent_at          TIMESTAMP,
    detail           VARCHAR(1000),
    CONSTRAINT pk_notification_email PRIMARY KEY (email_id),
    CONSTRAINT uq_notification_email_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_notification_email_workspace ON notification_email (workspace_id, created_at);
CREATE INDEX ix_notification_email_due ON notification_email (status, next_attempt_at);

-- One dunning sequence per failing invoice: reminders_sent counts the dunning emails enqueued so
-- far; next_reminder_at is when the next is due (null when the schedule is done or stopped).
CREATE TABLE notification_dunning (
    invoice_id          VARCHAR(255)  NOT NULL,
    workspace_id        VARCHAR(64)   NOT NULL,
    started_at          TIMESTAMP     NOT NULL,
    reminders_sent      INTEGER       NOT NULL,
    next_reminder_at    TIMESTAMP,
    amount_due          BIGINT        NOT NULL,
    currency            VARCHAR(8),
    hosted_invoice_url  VARCHAR(1000),
    next_payment_at     TIMESTAMP,
    stopped_at          TIMESTAMP,
    stop_reason         VARCHAR(64),
    CONSTRAINT pk_notification_dunning PRIMARY KEY (invoice_id)
);
CREATE INDEX ix_notification_dunning_due ON notification_dunning (next_reminder_at);
CREATE INDEX ix_notification_dunning_workspace ON notification_dunning (workspace_id);

-- Who to write to, per workspace: the Stripe customer's email and name (from billing's events)
-- and the billing admin's email seen in a token (from workspace's events); opt-out.
CREATE TABLE notification_contact (
    workspace_id       VARCHAR(64)  NOT NULL,
    customer_email     VARCHAR(512),
    customer_name      VARCHAR(512),
    admin_email        VARCHAR(512),
    billing_emails     BOOLEAN      DEFAULT TRUE NOT NULL,
    preference_set_at  TIMESTAMP,
    CONSTRAINT pk_notification_contact PRIMARY KEY (workspace_id)
);

-- The key that signs unsubscribe links: made by Portico on first use, the same on every node.
CREATE TABLE notification_signing_key (
    key_id     VARCHAR(32)  NOT NULL,
    key_bytes  VARCHAR(128) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_notification_signing_key PRIMARY KEY (key_id)
);
