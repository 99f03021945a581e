/**
 * Who is calling, and what they may call: the verified MicroProfile JWT turned into a
 * {@link dev.portico.web.identity.Caller}, and the roles each resource method declares, enforced
 * by {@link dev.portico.web.identity.DeclaredAccess}.
 */
package dev.portico.web.identity;
