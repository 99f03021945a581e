-- One row per workspace that has touched billing. One workspace <-> one Stripe customer:
-- the primary key and the unique customer id enforce it on Derby and PostgreSQL alike.
-- subscription_as_of is Stripe's time (event.created) of the subscription snapshot held here:
-- older snapshots never overwrite newer ones.
CREATE TABLE billing_account (
    workspace_id            VARCHAR(64)  NOT NULL,
    stripe_customer_id      VARCHAR(255),
    customer_email          VARCHAR(512),
    customer_name           VARCHAR(512),
    customer_as_of          TIMESTAMP,
    default_payment_method  VARCHAR(255),
    subscription_id         VARCHAR(255),
    subscription_status     VARCHAR(32),
    subscription_created_at TIMESTAMP,
    subscription_as_of      TIMESTAMP,
    price_id                VARCHAR(255),
    product_id              VARCHAR(255),
    current_period_end      TIMESTAMP,
    trial_end               TIMESTAMP,
    cancel_at_period_end    BOOLEAN      DEFAULT FALSE NOT NULL,
    cancel_at               TIMESTAMP,
    canceled_at             TIMESTAMP,
    ended_at                TIMESTAMP,
    cancellation_reason     VARCHAR(64),
    cancellation_feedback   VARCHAR(64),
    cancellation_comment    VARCHAR(1000),
    failing_invoice_id      VARCHAR(255),
    created_at              TIMESTAMP    NOT NULL,
    updated_at              TIMESTAMP    NOT NULL,
    CONSTRAINT pk_billing_account PRIMARY KEY (workspace_id),
    CONSTRAINT uq_billing_account_customer UNIQUE (stripe_customer_id)
);

-- Invoices Stripe told us about, so that a late "payment failed" never reopens a paid invoice.
CREATE TABLE billing_invoice (
    invoice_id           VARCHAR(255) NOT NULL,
    workspace_id         VARCHAR(64)  NOT NULL,
    subscription_id      VARCHAR(255),
    status               VARCHAR(32)  NOT NULL,
    attempt_count        INTEGER      NOT NULL,
    amount_due           BIGINT,
    amount_paid          BIGINT,
    currency             VARCHAR(8),
    next_payment_attempt TIMESTAMP,
    hosted_invoice_url   VARCHAR(1000),
    as_of                TIMESTAMP    NOT NULL,
    CONSTRAINT pk_billing_invoice PRIMARY KEY (invoice_id)
);

-- The webhook inbox: every verified Stripe event, keyed by its id, with the raw payload bytes.
CREATE TABLE billing_webhook_event (
    event_id          VARCHAR(255)  NOT NULL,
    event_type        VARCHAR(128)  NOT NULL,
    stripe_created_at TIMESTAMP     NOT NULL,
    received_at       TIMESTAMP     NOT NULL,
    customer_id       VARCHAR(255),
    workspace_id      VARCHAR(64),
    status            VARCHAR(16)   NOT NULL,
    attempts          INTEGER       DEFAULT 0 NOT NULL,
    next_attempt_at   TIMESTAMP,
    processed_at      TIMESTAMP,
    detail            VARCHAR(1000),
    payload           ${bytes_type} NOT NULL,
    CONSTRAINT pk_billing_webhook_event PRIMARY KEY (event_id)
);
CREATE INDEX ix_billing_webhook_event_workspace ON billing_webhook_event (workspace_id, received_at);
CREATE INDEX ix_billing_webhook_event_due ON billing_webhook_event (status, next_attempt_at);
CREATE INDEX ix_billing_webhook_event_customer ON billing_webhook_event (customer_id, status);
