/** Workspace's own tables (prefixed {@code workspace_}). */
package dev.portico.workspace.entity;
