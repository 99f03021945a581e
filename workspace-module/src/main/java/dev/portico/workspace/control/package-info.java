/** Workspace's stores. */
package dev.portico.workspace.control;
