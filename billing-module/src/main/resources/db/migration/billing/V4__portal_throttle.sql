-- The portal throttle, shared by every node: per workspace, the times (epoch milliseconds, comma
-- separated, oldest first) of its portal sessions within the window. Locked while one is taken.
CREATE TABLE billing_portal_throttle (
    workspace_id VARCHAR(64)   NOT NULL,
    slots        VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_billing_portal_throttle PRIMARY KEY (workspace_id)
);
