-- One row per workspace that has touched billing. One workspace <-> one Stripe customer:
-- the primary key and the unique customer id enforce it on Derby and PostgreSQL alike.
CREATE TABLE billing_account (
    workspace_id         VARCHAR(64)  NOT NULL,
    stripe_customer_id   VARCHAR(255),
    subscription_id      VARCHAR(255),
    subscription_status  VARCHAR(32),
    plan                 VARCHAR(255),
    current_period_end   TIMESTAMP,
    cancel_at_period_end BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at           TIMESTAMP    NOT NULL,
    updated_at           TIMESTAMP    NOT NULL,
    CONSTRAINT pk_billing_account PRIMARY KEY (workspace_id),
    CONSTRAINT uq_billing_account_customer UNIQUE (stripe_customer_id)
);
