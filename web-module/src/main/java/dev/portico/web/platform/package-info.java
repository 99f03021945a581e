/** Start-up of the whole: the shared database (definition, migrations), then background work. */
package dev.portico.web.platform;
