/** The shared database: its definition and every module's migrations at start-up. */
package dev.portico.web.platform;
