package dev.portico.notification.control;

/** An email ready for the outbox: template id, subject, plain-text and HTML bodies. */
public record Rendered(String template, String subject, String text, String html) {
}
