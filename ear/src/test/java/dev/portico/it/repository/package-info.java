/** Checks on the repository itself: what a bare clone must hold to build, run and test. */
package dev.portico.it.repository;
