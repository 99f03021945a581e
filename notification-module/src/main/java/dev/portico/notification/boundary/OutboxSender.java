package dev.portico.notification.boundary;

import dev.portico.billing.api.WorkspaceId;
import dev.portico.notification.control.Contacts;
import dev.portico.notification.control.Dunning;
import dev.portico.notification.control.Mailer;
import dev.portico.notification.control.NotificationMetrics;
import dev.portico.notification.control.NotificationSettings;
import dev.portico.notification.control.Outbox;
import dev.portico.notification.control.UnsubscribeLinks;
import dev.portico.notification.entity.Contact;
import dev.portico.notification.entity.OutboxEmail;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code portico.mail.send-interval}: enqueues the dunning reminders that fell due, then
 * sends the due emails of the outbox, each claimed first (so on several nodes each email goes once)
 * and retried with backoff when SMTP fails. Started by the application once the schema is in place.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    /** An SMTP failure as the workspace's admins read it in the email log. */
    static final String SMTP_REFUSED = "The mail server could not be reached or did not take the email.";
    private static final int BATCH = 50;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Outbox outbox;

    @Inject
    Dunning dunning;

    @Inject
    Contacts contacts;

    @Inject
    Mailer mailer;

    @Inject
    UnsubscribeLinks unsubscribe;

    @Inject
    NotificationSettings settings;

    @Inject
    NotificationMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.mail.send-interval")
    Duration interval;

    private ScheduledFuture<?> task;

    /**
     * Emails SMTP took whose sending this node could not record (the database failed in between),
     * by id, with their recipient. They are recorded first thing in each round, while this node's
     * claim still keeps the other nodes from sending them again; no new email is claimed meanwhile.
     */
    private final Map<String, String> sentUnrecorded = new ConcurrentHashMap<>();

    public synchronized void start() {
        if (task == null) {
            settings.reminders();  // a malformed schedule shows at start-up, not at the first failed payment
            task = scheduler.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void round() {
        try {
            recordSent();
            if (!sentUnrecorded.isEmpty()) {
                return; // the database still fails: nothing new until what was sent is recorded
            }
            dunning.due(clock.instant(), BATCH).forEach(dunning::remind);
            outbox.due(clock.instant(), BATCH).forEach(id -> outbox.claim(id).ifPresent(this::deliver));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The email round failed; next round in " + interval, e);
        }
    }

    private void deliver(OutboxEmail email) {
        WorkspaceId workspace = new WorkspaceId(email.workspaceId());
        Contact contact = contacts.of(workspace);
        if (!contact.wantsBillingEmails()) {
            outbox.suppressed(email.emailId(), "The workspace opted out of billing emails.");
            metrics.email(email.template(), "SUPPRESSED");
            return;
        }
        Optional<String> recipient = Optional.ofNullable(email.recipient()).or(contact::recipient);
        if (recipient.isEmpty()) {
            failed(email, "No email address is known for the workspace yet.");
            return;
        }
        try {
            mailer.send(email, recipient.get(), unsubscribe.linkFor(workspace));
        } catch (Exception e) {
            // The server's reply and host names are for operators (the log): the email's detail is
            // shown to the workspace's admins.
            LOG.log(Level.WARNING, "Email " + email.emailId() + " (" + email.template() + ") not taken by the SMTP server", e);
            failed(email, SMTP_REFUSED);
            return;
        }
        metrics.email(email.template(), "SENT");
        try {
            outbox.sent(email.emailId(), recipient.get());
        } catch (RuntimeException e) {
            sentUnrecorded.put(email.emailId(), recipient.get());
            LOG.log(Level.WARNING, "Email " + email.emailId() + " was sent but could not be recorded; recording it again", e);
        }
    }

    private void recordSent() {
        for (Map.Entry<String, String> sent : sentUnrecorded.entrySet()) {
            outbox.sent(sent.getKey(), sent.getValue()); // throws while the database fails: the round ends
            sentUnrecorded.remove(sent.getKey());
        }
    }

    private void failed(OutboxEmail email, String why) {
        Duration backoff = settings.backoffAfter(email.attempts() + 1);
        outbox.failed(email.emailId(), why, backoff);
        metrics.email(email.template(), backoff == null ? "FAILED" : "RETRYING");
        LOG.log(Level.INFO, "Email {0} ({1}) not sent: {2}; {3}", new Object[] {email.emailId(), email.template(), why,
                backoff == null ? "giving up" : "next try in " + backoff});
    }
}
