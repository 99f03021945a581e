/** One JSON error shape for every failure: {@code {"error": CODE, "message": ...}}. */
package dev.portico.web.error;
