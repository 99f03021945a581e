-- @Entitled (issue 20): the subscription's price, whose plan's features apply, and the features
-- Stripe Entitlements lists for the workspace (comma-separated lookup keys; null while none came:
-- then the plan's features apply), with the Stripe time of the event that said so.
ALTER TABLE workspace_billing_standing ADD COLUMN price_id VARCHAR(255);
ALTER TABLE workspace_billing_standing ADD COLUMN entitlements VARCHAR(4000);
ALTER TABLE workspace_billing_standing ADD COLUMN entitlements_as_of TIMESTAMP;
