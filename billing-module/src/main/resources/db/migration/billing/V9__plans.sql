-- Plan switches (issue 20): the subscription item a switch replaces (Stripe's
-- subscription_update_confirm flow names it), and a change Stripe has scheduled for later (a
-- downgrade at the period end, kept in a subscription schedule's next phase): its price, when it
-- applies, and the Stripe time of the schedule event that said so (the newer event wins).
ALTER TABLE billing_account ADD COLUMN subscription_item_id VARCHAR(255);
ALTER TABLE billing_account ADD COLUMN pending_price_id VARCHAR(255);
ALTER TABLE billing_account ADD COLUMN pending_at TIMESTAMP;
ALTER TABLE billing_account ADD COLUMN schedule_as_of TIMESTAMP;
