-- The example product's projects, and one row per Stripe event that archived a workspace's projects.
CREATE TABLE projects_project (
    id           VARCHAR(36)  NOT NULL,
    workspace_id VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    archived_at  TIMESTAMP,
    archived_by  VARCHAR(255),
    CONSTRAINT pk_projects_project PRIMARY KEY (id)
);
CREATE INDEX ix_projects_project_workspace ON projects_project (workspace_id);

CREATE TABLE projects_archival (
    stripe_event_id VARCHAR(255) NOT NULL,
    workspace_id    VARCHAR(64)  NOT NULL,
    projects        INTEGER      NOT NULL,
    archived_at     TIMESTAMP    NOT NULL,
    CONSTRAINT pk_projects_archival PRIMARY KEY (stripe_event_id)
);
CREATE INDEX ix_projects_archival_workspace ON projects_archival (workspace_id);
