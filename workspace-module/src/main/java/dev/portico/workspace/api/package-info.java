/** Workspace's published surface: the access levels other modules and the web layer speak of. */
package dev.portico.workspace.api;
