/** What the web layer calls: recognizing workspaces and deciding their access. */
package dev.portico.workspace.boundary;
