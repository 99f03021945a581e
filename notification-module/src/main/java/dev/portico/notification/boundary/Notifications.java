package dev.portico.notification.boundary;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.notification.control.Contacts;
import dev.portico.notification.control.Outbox;
import dev.portico.notification.control.UnsubscribeLinks;
import dev.portico.notification.entity.OutboxEmail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the web layer asks of notifications: the email log, preferences, unsubscribing. */
@ApplicationScoped
public class Notifications {

    /** One line of the email log. */
    public record LogEntry(String recipient, String template, String subject, Instant createdAt, Instant sentAt,
                           String status, int attempts, String detail) {
    }

    /** A workspace's choice: whether it gets billing emails, and since when (null: never changed). */
    public record Preferences(boolean billingEmails, Instant changedAt) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Contacts contacts;

    @Inject
    UnsubscribeLinks links;

    public List<LogEntry> log(WorkspaceId workspace, int limit) {
        return outbox.recent(workspace, limit).stream().map(Notifications::entry).toList();
    }

    public Preferences preferences(WorkspaceId workspace) {
        var contact = contacts.of(workspace);
        return new Preferences(contact.wantsBillingEmails(), contact.preferenceSetAt());
    }

    public Preferences setPreferences(WorkspaceId workspace, boolean billingEmails) {
        contacts.setBillingEmails(workspace, billingEmails);
        return preferences(workspace);
    }

    /** The workspace an unsubscribe link speaks for, when its signature holds; changes nothing. */
    public Optional<WorkspaceId> unsubscribing(String token) {
        return links.verify(token);
    }

    /** Opts the workspace a genuine token names out; empty when the token is not genuine. */
    public Optional<WorkspaceId> unsubscribe(String token) {
        Optional<WorkspaceId> workspace = links.verify(token);
        workspace.ifPresent(id -> contacts.setBillingEmails(id, false));
        return workspace;
    }

    private static LogEntry entry(OutboxEmail email) {
        return new LogEntry(email.recipient(), email.template(), email.subject(), email.createdAt(), email.sentAt(),
                email.status().name(), email.attempts(), email.detail());
    }
}
