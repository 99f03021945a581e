package dev.portico.web.platform;

import dev.portico.billing.control.BillingMetrics;
import dev.portico.notification.control.NotificationMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Registers the modules' gauges at start-up, once the schema is up to date: a gauge exists from
 * the first scrape on, not from the first time its module happens to be used. (Counters and
 * timers appear with their first count.)
 */
@Startup
@Singleton
@DependsOn("Database")
public class Gauges {

    @Inject
    BillingMetrics billing;

    @Inject
    NotificationMetrics notification;

    @PostConstruct
    void register() {
        billing.registerGauges();
        notification.registerGauges();
    }
}
