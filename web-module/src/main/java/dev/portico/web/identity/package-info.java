/** Who is calling: the verified MicroProfile JWT turned into a {@link dev.portico.web.identity.Caller}. */
package dev.portico.web.identity;
