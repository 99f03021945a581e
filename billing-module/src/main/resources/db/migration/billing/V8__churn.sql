-- Churn insights: one row per cancellation fact billing published (scheduled, undone, ended), keyed
-- by the Stripe event and the kind, so a redelivered publication records nothing twice. Amounts are
-- the monthly equivalent of the price given up, in the price's currency's minor units.
CREATE TABLE billing_churn (
    id              VARCHAR(300)  NOT NULL,
    workspace_id    VARCHAR(64)   NOT NULL,
    subscription_id VARCHAR(255),
    kind            VARCHAR(16)   NOT NULL,
    occurred_at     TIMESTAMP     NOT NULL,
    reason          VARCHAR(64),
    feedback        VARCHAR(64),
    comment_text    VARCHAR(1000),
    price_id        VARCHAR(255),
    product_id      VARCHAR(255),
    monthly_amount  BIGINT,
    currency        VARCHAR(8),
    age_days        INTEGER,
    CONSTRAINT pk_billing_churn PRIMARY KEY (id)
);
CREATE INDEX ix_billing_churn_occurred ON billing_churn (occurred_at);
