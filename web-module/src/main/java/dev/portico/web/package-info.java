/** The composition root: the JAX-RS application that exposes Portico's modules over HTTP. */
package dev.portico.web;
