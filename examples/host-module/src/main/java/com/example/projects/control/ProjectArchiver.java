package com.example.projects.control;

import dev.portico.billing.api.SubscriptionCanceled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Archives a workspace's projects once its subscription has ended. Portico's publication registry
 * calls this after billing's commit, in a transaction of its own that also completes the delivery:
 * what it writes happens exactly once, and a failure here is retried without touching billing.
 */
@ApplicationScoped
public class ProjectArchiver {

    @Inject
    ProjectStore projects;

    @Inject
    Clock clock;

    void on(@Observes SubscriptionCanceled canceled) {
        projects.archiveAll(canceled.workspace().value(), canceled.stripeEventId(),
                canceled.endedAt() == null ? clock.instant() : canceled.endedAt());
    }
}
