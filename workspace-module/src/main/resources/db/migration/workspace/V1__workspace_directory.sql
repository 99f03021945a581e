-- Every workspace Portico has seen in a valid token, and the latest billing admin seen for it.
CREATE TABLE workspace_directory (
    workspace_id        VARCHAR(64)  NOT NULL,
    first_seen_at       TIMESTAMP    NOT NULL,
    billing_admin_email VARCHAR(512),
    CONSTRAINT pk_workspace_directory PRIMARY KEY (workspace_id)
);
