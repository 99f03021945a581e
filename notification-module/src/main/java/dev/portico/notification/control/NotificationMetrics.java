package dev.portico.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Notification's figures in the application's metric registry: send attempts by template and
 * status (counted once recorded), and the outbox's size and age, read at each scrape.
 */
@ApplicationScoped
public class NotificationMetrics {

    private static final Metadata EMAILS = Metadata.builder().withName("portico_emails")
            .withDescription("Emails the sender dealt with, by template and status (SENT, RETRYING, FAILED, SUPPRESSED)")
            .build();

    /** Shared with billing's retention (the same name and description): one series per kind. */
    private static final Metadata PURGED = Metadata.builder().withName("portico_retention_purged")
            .withDescription("Rows the retention purge deleted (or payloads it emptied), by kind").build();

    @Inject
    MetricRegistry registry;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void email(String template, String status) {
        registry.counter(EMAILS, new Tag("template", template), new Tag("status", status)).inc();
    }

    /** Rows of a kind the retention purge deleted. */
    public void purged(String kind, long rows) {
        registry.counter(PURGED, new Tag("kind", kind)).inc(rows);
    }

    /** The outbox gauges, read at each scrape; registered as the application starts. */
    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("portico_outbox_pending")
                .withDescription("Emails in the outbox not sent yet (pending or retrying)").build(), outbox::countPending);
        registry.gauge(Metadata.builder().withName("portico_outbox_oldest_pending_age_seconds")
                .withDescription("Age of the oldest email in the outbox not sent yet").build(),
                () -> outbox.oldestPending().map(at -> Math.max(0, Duration.between(at, clock.instant()).toSeconds()))
                        .orElse(0L));
    }
}
