-- Retention: emails in a final status (SENT, FAILED, SUPPRESSED) and dunning sequences no longer
-- reminding are deleted after portico.retention.emails, in small batches found by these indexes.
CREATE INDEX ix_notification_email_created ON notification_email (status, created_at);
CREATE INDEX ix_notification_dunning_started ON notification_dunning (started_at);
