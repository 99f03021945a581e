package dev.portico.web.platform;

import dev.portico.billing.boundary.PipelineSweep;
import dev.portico.billing.boundary.PlanOffers;
import dev.portico.billing.boundary.PortalConfiguration;
import dev.portico.billing.boundary.Reconciler;
import dev.portico.billing.boundary.Retention;
import dev.portico.notification.boundary.EmailRetention;
import dev.portico.notification.boundary.OutboxSender;
import dev.portico.workspace.boundary.StandingsRefresh;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Starts the modules' background work once the schema is up to date. */
@Startup
@Singleton
@DependsOn("Database")
public class BackgroundWork {

    @Inject
    PipelineSweep pipelineSweep;

    @Inject
    Reconciler reconciler;

    @Inject
    OutboxSender outboxSender;

    @Inject
    StandingsRefresh standingsRefresh;

    @Inject
    Retention retention;

    @Inject
    PortalConfiguration portalConfiguration;

    @Inject
    EmailRetention emailRetention;

    @Inject
    PlanOffers planOffers;

    @PostConstruct
    void start() {
        portalConfiguration.start(); // first: a configuration file Stripe would refuse stops the deployment
        planOffers.start();
        pipelineSweep.start();
        reconciler.start();
        outboxSender.start();
        standingsRefresh.start();
        retention.start();
        emailRetention.start();
    }
}
