-- Events waiting for a retry (FAILED with a next attempt) or for their workspace (UNMATCHED) are
-- listed here, a few rows, instead of in two indexes on the whole inbox: every delivery paid for
-- those two index entries although almost every event settles at once.
CREATE TABLE billing_webhook_pending (
    event_id          VARCHAR(255) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    customer_id       VARCHAR(255),
    next_attempt_at   TIMESTAMP,
    stripe_created_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_billing_webhook_pending PRIMARY KEY (event_id),
    CONSTRAINT fk_billing_webhook_pending_event FOREIGN KEY (event_id) REFERENCES billing_webhook_event (event_id)
);
CREATE INDEX ix_billing_webhook_pending_due ON billing_webhook_pending (status, next_attempt_at);
CREATE INDEX ix_billing_webhook_pending_customer ON billing_webhook_pending (customer_id, status);

INSERT INTO billing_webhook_pending (event_id, status, customer_id, next_attempt_at, stripe_created_at)
    SELECT event_id, status, customer_id, next_attempt_at, stripe_created_at FROM billing_webhook_event
    WHERE status = 'UNMATCHED' OR (status = 'FAILED' AND next_attempt_at IS NOT NULL);

DROP INDEX ix_billing_webhook_event_due;
DROP INDEX ix_billing_webhook_event_customer;
