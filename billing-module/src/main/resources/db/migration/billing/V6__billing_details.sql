-- What the billing page shows at a glance, kept from the events that carry it: the subscription's
-- price (its first item: amount in minor units, currency, interval, names) and quantity, and the
-- payment method the subscription itself names (it takes precedence over the customer's default).
ALTER TABLE billing_account ADD COLUMN price_amount BIGINT;
ALTER TABLE billing_account ADD COLUMN price_currency VARCHAR(8);
ALTER TABLE billing_account ADD COLUMN price_interval VARCHAR(16);
ALTER TABLE billing_account ADD COLUMN price_interval_count BIGINT;
ALTER TABLE billing_account ADD COLUMN price_nickname VARCHAR(255);
ALTER TABLE billing_account ADD COLUMN price_lookup_key VARCHAR(255);
ALTER TABLE billing_account ADD COLUMN quantity BIGINT;
ALTER TABLE billing_account ADD COLUMN subscription_payment_method VARCHAR(255);

-- Invoices as the page lists them: Stripe's number, creation time and PDF link.
ALTER TABLE billing_invoice ADD COLUMN invoice_number VARCHAR(64);
ALTER TABLE billing_invoice ADD COLUMN stripe_created_at TIMESTAMP;
ALTER TABLE billing_invoice ADD COLUMN invoice_pdf VARCHAR(1000);
CREATE INDEX ix_billing_invoice_workspace ON billing_invoice (workspace_id, stripe_created_at);

-- Stripe objects the page names, fetched once (or carried by an event) and kept: a product's name,
-- a card's brand, last four digits and expiry. Shared by every node.
CREATE TABLE billing_product (
    product_id VARCHAR(255) NOT NULL,
    name       VARCHAR(512),
    fetched_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_billing_product PRIMARY KEY (product_id)
);
CREATE TABLE billing_payment_method (
    payment_method_id VARCHAR(255) NOT NULL,
    method_type       VARCHAR(32)  NOT NULL,
    brand             VARCHAR(32),
    last4             VARCHAR(4),
    exp_month         INTEGER,
    exp_year          INTEGER,
    fetched_at        TIMESTAMP    NOT NULL,
    CONSTRAINT pk_billing_payment_method PRIMARY KEY (payment_method_id)
);
