-- When the copy last changed, by the writing node's wall clock: every node re-reads the rows
-- changed lately (with an overlap for commit delays and clock skew) to refresh its cache, so a
-- change applied on one node is enforced on the others within a second.
ALTER TABLE workspace_billing_standing ADD COLUMN changed_at TIMESTAMP;
UPDATE workspace_billing_standing SET changed_at = updated_at;
CREATE INDEX ix_workspace_standing_changed ON workspace_billing_standing (changed_at);
