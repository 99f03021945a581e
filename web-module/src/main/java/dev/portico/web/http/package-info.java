/** HTTP hardening every answer gets: security headers on pages and API answers. */
package dev.portico.web.http;
