/** The guarded example resource and how access decisions read in JSON. */
package dev.portico.web.workspace;
