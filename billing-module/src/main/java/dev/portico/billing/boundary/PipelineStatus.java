package dev.portico.billing.boundary;

import dev.portico.billing.control.Inbox;
import dev.portico.billing.control.Envelope;
import dev.portico.billing.control.Publications;
import dev.portico.billing.entity.Publication;
import dev.portico.billing.entity.WebhookEvent.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far behind the pipeline is, for operators: events not applied yet, publications not
 * delivered; and where one event stands.
 */
@ApplicationScoped
public class PipelineStatus {

    @Inject
    Inbox inbox;

    @Inject
    Publications publications;

    /** Stored events by unsettled state, when the oldest unapplied one arrived, and incomplete publications. */
    public record Report(long received, long failed, long unmatched, Optional<Instant> oldestReceivedAt,
                         long incompletePublications, List<Incomplete> publications) {
    }

    /** A publication its listener has not completed. */
    public record Incomplete(String id, String listener, String eventType, String stripeEventId, String workspaceId,
                             Instant createdAt, int attempts, Optional<Instant> nextAttemptAt, Optional<String> lastError) {
        static Incomplete of(Publication row) {
            return new Incomplete(row.id(), row.listener(), row.eventType(), row.stripeEventId(), row.workspaceId(),
                    row.createdAt(), row.attempts(), row.nextAttemptAt(), row.lastError());
        }
    }

    /** One stored event wherever it stands, with how many of its publications are (in)complete. */
    public record EventReport(String id, String type, Instant receivedAt, Optional<Instant> processedAt, String outcome,
                              int attempts,
                              Optional<String> detail, Optional<String> workspaceId, long publications,
                              long incompletePublications, String arrival, boolean payloadPurged) {
    }

    public Optional<EventReport> event(String eventId) {
        return Optional.ofNullable(eventId).filter(Envelope::isEventId).flatMap(inbox::find)
                .map(event -> {
                    Publications.Counts counts = publications.countFor(event.eventId());
                    return new EventReport(event.eventId(), event.type(), event.receivedAt(), event.processedAt(),
                            event.status().name(),
                            event.attempts(), event.detail(), event.workspaceId(), counts.total(), counts.incomplete(),
                            WebhookEvents.arrivalOf(event), event.payloadPurged());
                });
    }

    public Report report(int limit) {
        Map<Status, Long> backlog = inbox.backlog();
        return new Report(backlog.getOrDefault(Status.RECEIVED, 0L), backlog.getOrDefault(Status.FAILED, 0L),
                backlog.getOrDefault(Status.UNMATCHED, 0L), inbox.oldestReceived(), publications.countIncomplete(),
                publications.incomplete(limit).stream().map(Incomplete::of).toList());
    }
}
