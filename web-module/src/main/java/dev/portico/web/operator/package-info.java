/** Endpoints for Portico's operators (role {@code portico-operator}), not for any workspace. */
package dev.portico.web.operator;
