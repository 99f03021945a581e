-- Retention (the background purge, in small batches). A settled event's raw payload is emptied after
-- portico.retention.event-payloads; its id and outcome stay, so a late duplicate is still recognised.
-- payload_purged marks it, and leads the purge's index so it never walks the rows it emptied before.
ALTER TABLE billing_webhook_event ADD COLUMN payload_purged BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_billing_webhook_event_purge ON billing_webhook_event (payload_purged, received_at);

-- Completed publications and drift found are deleted by age.
CREATE INDEX ix_billing_event_publication_completed ON billing_event_publication (completed_at);
CREATE INDEX ix_billing_drift_found ON billing_drift (found_at);

-- A throttle row whose newest slot has left the window is the same as no row: it is deleted. Rows
-- held before this column came count from now.
ALTER TABLE billing_portal_throttle ADD COLUMN last_taken_at TIMESTAMP;
UPDATE billing_portal_throttle SET last_taken_at = CURRENT_TIMESTAMP;
CREATE INDEX ix_billing_portal_throttle_taken ON billing_portal_throttle (last_taken_at);

-- A claim whose lease ended long ago is held by nobody: deleted (it is created again when needed).
CREATE INDEX ix_billing_apply_claim_lease ON billing_apply_claim (lease_until);
