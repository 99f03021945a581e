package dev.portico.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Notification's schedule and links (portico.dunning.*, portico.mail.* but SMTP, portico.*-url),
 * checked when first used: a malformed duration names its key instead of silently sending nothing.
 */
@ApplicationScoped
public class NotificationSettings {

    @Inject
    @ConfigProperty(name = "portico.dunning.reminders")
    String reminders;

    @Inject
    @ConfigProperty(name = "portico.mail.retry-backoff")
    Duration retryBackoff;

    @Inject
    @ConfigProperty(name = "portico.mail.retry-backoff-max")
    Duration retryBackoffMax;

    @Inject
    @ConfigProperty(name = "portico.mail.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "portico.billing-page-url")
    String billingPageUrl;

    @Inject
    @ConfigProperty(name = "portico.public-url")
    String publicUrl;

    /** The reminders' delays after an invoice's first failure, ascending (day 3 and 7: P3D,P7D). */
    public List<Duration> reminders() {
        return parseReminders(reminders);
    }

    static List<Duration> parseReminders(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        try {
            List<Duration> delays = Arrays.stream(list.split(",")).map(String::trim).map(Duration::parse).sorted().toList();
            if (delays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
                throw new IllegalArgumentException("delays must be positive");
            }
            return delays;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("portico.dunning.reminders must be a comma list of positive ISO-8601"
                    + " durations (e.g. P3D,P7D), not '" + list + "'.", e);
        }
    }

    /** The wait before the next try after {@code attempts} failed ones, or null when they are used up. */
    public Duration backoffAfter(int attempts) {
        if (attempts >= maxAttempts) {
            return null;
        }
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
    }

    public String billingPageUrl() {
        return billingPageUrl;
    }

    /** Portico's own public base URL, without a trailing slash. */
    public String publicUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
