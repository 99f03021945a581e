package dev.portico.it.observability;

import static dev.portico.it.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Mailbox;
import dev.portico.it.support.Pipeline;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Portico's figures at {@code /metrics?scope=application} (Prometheus text), as a scrape of the
 * deployed EAR sees them: each counted once what it counts happened, by the tags an alert needs.
 */
class MetricsIT extends DeployedEar {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void gaugesOfThePipelineAndTheOutboxAreThereFromTheStart() {
        Scrape scrape = scrape();

        for (String status : new String[] {"RECEIVED", "FAILED", "UNMATCHED"}) {
            assertTrue(scrape.has("portico_webhook_backlog", "status", status), () -> status + " in " + scrape.text());
        }
        for (String gauge : new String[] {"portico_webhook_oldest_unapplied_age_seconds", "portico_publications_incomplete",
                "portico_outbox_pending", "portico_outbox_oldest_pending_age_seconds"}) {
            assertTrue(scrape.has(gauge), () -> gauge + " in " + scrape.text());
        }
    }

    @BeforeEach
    void smtpUp() {
        Mailbox.start();
    }

    @Test
    void webhooksEmailsPortalSessionsAndRefusalsAreCountedByTheirTags() {
        Scrape before = scrape();
        Story story = StripeEvents.story(Tokens.newWorkspace());
        StripeEvents.deliverSettled(api, story.event("checkout.session.completed"));
        byte[] updated = story.event("customer.updated").bytes();
        Reply first = StripeEvents.deliver(api, updated);
        Pipeline.settled(api, first.json().getString("id"));
        Reply again = StripeEvents.deliver(api, updated);
        Mailbox.await(story.email(), 1, PATIENCE);
        Reply portal = api.post("api/billing/portal-session", Tokens.billingAdmin(story.workspace()), null);
        Reply refusedUrl = api.post("api/billing/portal-session", Tokens.billingAdmin(story.workspace()),
                "{\"returnUrl\":\"https://evil.example.net/\"}");
        Reply otherWorkspace = api.get("api/workspaces/" + Tokens.newWorkspace() + "/notes",
                Tokens.member(story.workspace()));

        Scrape after = eventually(this::scrape, scrape -> scrape.minus(before, "portico_emails_total",
                "template", "payment-method-updated", "status", "SENT") >= 1, PATIENCE);
        assertEquals(200, first.status(), first::toString);
        assertTrue(again.json().getBoolean("duplicate"), again::toString);
        assertEquals(1, after.minus(before, "portico_webhook_events_received_total",
                "type", "customer.updated", "result", "stored"));
        assertEquals(1, after.minus(before, "portico_webhook_events_received_total",
                "type", "customer.updated", "result", "duplicate"));
        assertEquals(1, after.minus(before, "portico_webhook_events_applied_total",
                "type", "customer.updated", "outcome", "APPLIED"));
        assertTrue(after.minus(before, "portico_webhook_apply_lag_seconds_count") >= 2, after::text);
        assertEquals(1, after.minus(before, "portico_emails_total", "template", "payment-method-updated", "status", "SENT"));
        assertEquals(200, portal.status(), portal::toString);
        assertEquals(1, after.minus(before, "portico_portal_sessions_seconds_count", "outcome", "OK"));
        assertEquals(400, refusedUrl.status(), refusedUrl::toString);
        assertEquals(1, after.minus(before, "portico_portal_sessions_seconds_count", "outcome", refusedUrl.error()));
        assertEquals(404, otherWorkspace.status(), otherWorkspace::toString);
        assertEquals(1, after.minus(before, "portico_guard_refusals_total", "code", "OTHER_WORKSPACE"));
        assertFalse(after.text().contains(story.customer()), "no id is ever a tag");
    }

    private Scrape scrape() {
        Reply reply = api.get("metrics?scope=application", null);
        assertEquals(200, reply.status(), reply::toString);
        return new Scrape(reply.body());
    }

    /** One scrape's samples, by name and labels. */
    record Scrape(String text) {

        /** The sample's value, summed over the samples that carry these labels (name, value, ...) among others; 0 when none. */
        double value(String name, String... labels) {
            double sum = 0;
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line.trim());
                if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                    continue;
                }
                Map<String, String> tags = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
                while (label.find()) {
                    tags.put(label.group(1), label.group(2));
                }
                boolean matches = true;
                for (int i = 0; i < labels.length; i += 2) {
                    matches &= labels[i + 1].equals(tags.get(labels[i]));
                }
                if (matches) {
                    sum += Double.parseDouble(sample.group(4));
                }
            }
            return sum;
        }

        boolean has(String name, String... labels) {
            return text.lines().anyMatch(line -> line.startsWith(name) && SAMPLE.matcher(line).matches()
                    && containsLabels(line, labels));
        }

        private static boolean containsLabels(String line, String... labels) {
            for (int i = 0; i < labels.length; i += 2) {
                if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    return false;
                }
            }
            return true;
        }

        double minus(Scrape before, String name, String... labels) {
            return value(name, labels) - before.value(name, labels);
        }
    }
}
