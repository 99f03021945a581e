package dev.portico.it.notification;

import static dev.portico.it.support.Eventually.eventually;
import static dev.portico.it.support.Eventually.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Mailbox;
import dev.portico.it.support.ServerClock;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing emails through the deployed EAR: signed webhooks in, real SMTP (GreenMail) out, the
 * outbox, dunning on a moved clock, opt-out and the email log.
 */
class NotificationIT extends DeployedEar {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant T = Instant.parse("2026-08-10T00:00:00Z");

    @BeforeEach
    void smtpUp() {
        Mailbox.start();
    }

    @AfterEach
    void smtpStaysUp() {
        Mailbox.start();
    }

    @Test
    void everyTemplateReachesTheBillingContactOnce() throws Exception {
        Story story = customer();
        deliver(story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(10)));
        deliver(story.subscriptionEvent("active", false, PERIOD_END, T.plusSeconds(20)));
        deliver(story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30)));
        assertEquals(List.of("dunning-1"), dunningOf(story, 1));
        deliver(story.invoiceEvent("invoice.paid", 2, T.plusSeconds(40)));
        deliver(story.subscriptionEvent("canceled", false, PERIOD_END, T.plusSeconds(50)));

        List<MimeMessage> mail = Mailbox.await(story.email(), 6, PATIENCE);
        pauseForStragglers();

        assertEquals(List.of("dunning-1", "payment-method-updated", "payment-recovered", "subscription-cancel-scheduled",
                "subscription-canceled", "subscription-resumed"), templates(Mailbox.to(story.email())));
        for (MimeMessage message : mail) {
            String template = Mailbox.header(message, "X-Portico-Template");
            assertTrue(message.getSubject().contains("Jenny Rosen"), template + ": " + message.getSubject());
            assertTrue(Mailbox.header(message, "List-Unsubscribe").startsWith(
                    "<" + Api.BASE + "api/notifications/unsubscribe?token="), template);
            assertEquals("List-Unsubscribe=One-Click", Mailbox.header(message, "List-Unsubscribe-Post"));
            Multipart parts = (Multipart) message.getContent();
            assertTrue(message.getContentType().startsWith("multipart/alternative"), template);
            String text = part(parts, "text/plain");
            String html = part(parts, "text/html");
            for (String body : List.of(text, html)) {
                assertTrue(body.contains("https://app.example.com/billing"), template + " links the billing page");
                assertTrue(body.contains("Jenny Rosen"), template + " names the workspace");
                assertTrue(body.contains("/api/notifications/unsubscribe?token="), template + " can be unsubscribed");
            }
        }
        String dunning = part((Multipart) byTemplate(mail, "dunning-1").getContent(), "text/plain");
        assertTrue(dunning.contains("USD 20.00"), dunning);
        assertTrue(dunning.contains("https://invoice.stripe.com/"), "links the invoice: " + dunning);
        String scheduled = part((Multipart) byTemplate(mail, "subscription-cancel-scheduled").getContent(), "text/plain");
        assertTrue(scheduled.contains("1 March 2031"), "says the end date: " + scheduled);

        List<JsonObject> log = log(story.workspace());
        assertEquals(6, log.size(), log::toString);
        for (JsonObject entry : log) {
            assertEquals("SENT", entry.getString("status"), entry::toString);
            assertEquals(story.email(), entry.getString("recipient"));
            assertEquals(1, entry.getInt("attempts"));
            assertTrue(entry.get("sentAt") instanceof jakarta.json.JsonString, entry::toString);
        }
    }

    @Test
    void dunningRemindsOnScheduleOncePerInvoiceAndStopsWhenPaid() {
        Story story = subscribed();
        Instant firstFailure = Instant.now();
        deliver(story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30)));
        assertEquals(List.of("dunning-1"), dunningOf(story, 1));
        // Stripe retries the same invoice and fails again: the sequence goes on, no new one starts.
        deliver(story.invoiceEvent("invoice.payment_failed", 2, T.plusSeconds(60)));

        ServerClock.set(api, firstFailure.plus(Duration.ofDays(3)).minusSeconds(60));
        pauseForStragglers();
        assertEquals(List.of("dunning-1"), dunningOf(story, 1), "day 3 not reached yet");

        ServerClock.set(api, firstFailure.plus(Duration.ofDays(3)).plusSeconds(60));
        assertEquals(List.of("dunning-1", "dunning-2"), dunningOf(story, 2));

        deliver(story.invoiceEvent("invoice.paid", 3, T.plusSeconds(90)));
        ServerClock.set(api, firstFailure.plus(Duration.ofDays(8)));
        Mailbox.await(story.email(), 3, PATIENCE);
        pauseForStragglers();
        assertEquals(List.of("dunning-1", "dunning-2", "payment-recovered"),
                templates(Mailbox.to(story.email())).stream().filter(t -> !t.equals("payment-method-updated")).toList());
    }

    @Test
    void theEndOfTheSubscriptionStopsDunning() {
        Story story = subscribed();
        Instant firstFailure = Instant.now();
        deliver(story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30)));
        assertEquals(List.of("dunning-1"), dunningOf(story, 1));

        deliver(story.subscriptionEvent("canceled", false, PERIOD_END, T.plusSeconds(40)));
        ServerClock.set(api, firstFailure.plus(Duration.ofDays(8)));
        Mailbox.await(story.email(), 3, PATIENCE);
        pauseForStragglers();

        assertEquals(List.of("dunning-1", "payment-method-updated", "subscription-canceled"),
                templates(Mailbox.to(story.email())));
    }

    @Test
    void redeliveriesAndReplaysSendNothingTwice() {
        Story story = subscribed();
        EventJson scheduled = story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(10));
        deliver(scheduled);
        deliver(scheduled);
        deliver(story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30)));
        assertEquals(List.of("dunning-1"), dunningOf(story, 1));
        deliver(story.invoiceEvent("invoice.paid", 2, T.plusSeconds(40)));
        // The same payment reported again, as invoice.payment_succeeded, and that event replayed.
        EventJson succeeded = story.invoiceEvent("invoice.payment_succeeded", 2, T.plusSeconds(41));
        deliver(succeeded);
        deliver(succeeded);

        Mailbox.await(story.email(), 4, PATIENCE);
        pauseForStragglers();

        assertEquals(List.of("dunning-1", "payment-method-updated", "payment-recovered", "subscription-cancel-scheduled"),
                templates(Mailbox.to(story.email())));
        assertEquals(4, log(story.workspace()).size());
    }

    @Test
    void emailsWaitForAnSmtpOutageAndArriveOnceAfterIt() {
        Story story = subscribed();
        Mailbox.await(story.email(), 1, PATIENCE);
        Mailbox.stop();

        deliver(story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(10)));
        deliver(story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30)));
        String retrying = eventually(() -> statuses(story.workspace()), "RETRYING,RETRYING,SENT"::equals, PATIENCE);
        assertEquals("RETRYING,RETRYING,SENT", retrying, "newest first: both new emails wait for SMTP");
        String detail = log(story.workspace()).get(0).getString("detail");
        assertEquals("The mail server could not be reached or did not take the email.", detail,
                "admins read a sentence; the server's reply and address stay in the log");

        Mailbox.start();  // a fresh server: it has received nothing yet
        List<MimeMessage> mail = Mailbox.await(story.email(), 2, PATIENCE);
        pauseForStragglers();

        assertEquals(List.of("dunning-1", "subscription-cancel-scheduled"), templates(Mailbox.to(story.email())));
        assertEquals(2, mail.size());
        List<JsonObject> log = log(story.workspace());
        assertEquals("SENT,SENT,SENT", statuses(story.workspace()));
        assertTrue(log.get(0).getInt("attempts") >= 2, log::toString);
    }

    @Test
    void aFailureNoticeNotYetSentIsWithdrawnWhenTheInvoiceIsPaidMeanwhile() {
        Story story = subscribed();
        Mailbox.await(story.email(), 1, PATIENCE);
        Mailbox.stop();
        deliver(story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30)));
        deliver(story.invoiceEvent("invoice.paid", 2, T.plusSeconds(40)));

        Mailbox.start();
        Mailbox.await(story.email(), 1, PATIENCE);
        pauseForStragglers();

        assertEquals(List.of("payment-recovered"), templates(Mailbox.to(story.email())));
        JsonObject withdrawn = log(story.workspace()).stream().filter(e -> e.getString("template").equals("dunning-1"))
                .findFirst().orElseThrow();
        assertEquals("SUPPRESSED", withdrawn.getString("status"), withdrawn::toString);
        assertTrue(withdrawn.getString("detail").contains("invoice paid"), withdrawn::toString);
    }

    @Test
    void unsubscribingTakesAPostAndTamperedLinksAreRefused() {
        Story story = subscribed();
        MimeMessage first = Mailbox.await(story.email(), 1, PATIENCE).get(0);
        String link = Mailbox.header(first, "List-Unsubscribe").replaceAll("^<|>$", "");
        String path = link.substring(Api.BASE.length());
        String token = path.substring(path.indexOf("token=") + "token=".length());
        String tampered = path.substring(0, path.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        String otherWorkspace = path.replace(token.substring(0, token.indexOf('.')),
                Base64.getUrlEncoder().withoutPadding().encodeToString("ws-someone-else".getBytes(StandardCharsets.UTF_8)));

        Reply opened = api.get(path, null);
        Reply openedAgain = api.get(path, null);

        assertEquals(200, opened.status(), opened::toString);
        assertTrue(opened.body().contains("<form method=\"post\" action=\"unsubscribe?token=" + token + "\">"), opened.body());
        assertEquals(opened.body(), openedAgain.body());
        assertTrue(opened.header("Content-Security-Policy").contains("form-action 'self'"), opened::toString);
        assertEquals("nosniff", opened.header("X-Content-Type-Options"));
        assertEquals(JsonValue.TRUE, preferences(story.workspace()).get("billingEmails"), "opening the link changes nothing");
        for (String bad : List.of(tampered, otherWorkspace, "api/notifications/unsubscribe")) {
            Reply shown = api.get(bad, null);
            Reply posted = oneClick(bad);
            assertEquals(400, shown.status(), shown::toString);
            assertEquals("INVALID_TOKEN", shown.error());
            assertEquals(400, posted.status(), posted::toString);
            assertEquals("INVALID_TOKEN", posted.error());
        }
        assertEquals(JsonValue.TRUE, preferences(story.workspace()).get("billingEmails"));

        Reply done = oneClick(path);

        assertEquals(200, done.status(), done::toString);
        assertTrue(done.body().contains("You are unsubscribed"), done.body());
        assertEquals(JsonValue.FALSE, preferences(story.workspace()).get("billingEmails"));

        deliver(story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(10)));
        assertEquals("SUPPRESSED,SENT", eventually(() -> statuses(story.workspace()), "SUPPRESSED,SENT"::equals, PATIENCE));
        pauseForStragglers();
        assertEquals(1, Mailbox.to(story.email()).size(), "nothing sent after opting out");

        Reply optIn = api.send("PUT", "api/notifications/preferences", Tokens.billingAdmin(story.workspace()),
                "{\"billingEmails\": true}");
        assertEquals(200, optIn.status(), optIn::toString);
        deliver(story.subscriptionEvent("active", false, PERIOD_END, T.plusSeconds(20)));
        assertEquals(2, Mailbox.await(story.email(), 2, PATIENCE).size(), "emails flow again after opting in");
    }

    @Test
    void preferencesAndLogBelongToTheirWorkspaceAndItsBillingAdmins() {
        Story alpha = subscribed();
        Story beta = subscribed();
        String adminToken = Tokens.billingAdmin(alpha.workspace());

        Reply member = api.get("api/notifications/log", Tokens.member(alpha.workspace()));
        Reply badBody = api.send("PUT", "api/notifications/preferences", adminToken, "{\"billingEmails\": \"no\"}");
        Reply badLimit = api.get("api/notifications/log?limit=0", adminToken);
        Reply optOut = api.send("PUT", "api/notifications/preferences", adminToken, "{\"billingEmails\": false}");

        assertEquals(403, member.status(), member::toString);
        assertEquals("FORBIDDEN", member.error());
        assertEquals(400, badBody.status(), badBody::toString);
        assertEquals("INVALID_REQUEST", badBody.error());
        assertEquals(400, badLimit.status(), badLimit::toString);
        assertEquals(200, optOut.status(), optOut::toString);
        assertEquals(JsonValue.FALSE, optOut.json().get("billingEmails"));
        assertEquals(JsonValue.TRUE, preferences(beta.workspace()).get("billingEmails"), "beta unaffected");
        Mailbox.await(beta.email(), 1, PATIENCE);
        assertTrue(log(alpha.workspace()).stream().allMatch(e -> e.getString("recipient").equals(alpha.email())));
    }

    /** A workspace whose customer checkout linked and whose Stripe customer record named its email. */
    private Story customer() {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story.event("checkout.session.completed"));
        deliver(story.event("customer.updated"));
        return story;
    }

    /** A customer with an active subscription; the customer record's new payment method sends one email. */
    private Story subscribed() {
        Story story = customer();
        deliver(story.subscriptionEvent("active", false, PERIOD_END, T));
        return story;
    }

    private void deliver(EventJson event) {
        StripeEvents.deliverSettled(api, event);
    }

    private List<String> dunningOf(Story story, int expected) {
        return eventually(() -> dunningTemplates(story), dunning -> dunning.size() >= expected, PATIENCE);
    }

    private static List<String> dunningTemplates(Story story) {
        return templates(Mailbox.to(story.email())).stream().filter(t -> t.startsWith("dunning-")).toList();
    }

    private static List<String> templates(List<MimeMessage> mail) {
        return mail.stream().map(message -> Mailbox.header(message, "X-Portico-Template")).sorted().toList();
    }

    private static MimeMessage byTemplate(List<MimeMessage> mail, String template) {
        return mail.stream().filter(m -> template.equals(Mailbox.header(m, "X-Portico-Template"))).findFirst()
                .orElseThrow();
    }

    private static String part(Multipart parts, String type) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().startsWith(type)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    /** What a mail client sends for {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (and what the page's button sends). */
    private Reply oneClick(String path) {
        return api.postBytes(path, "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    private List<JsonObject> log(String workspace) {
        Reply reply = api.get("api/notifications/log", Tokens.billingAdmin(workspace));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("emails").getValuesAs(JsonValue::asJsonObject);
    }

    private String statuses(String workspace) {
        return String.join(",", log(workspace).stream().map(e -> e.getString("status")).toList());
    }

    private JsonObject preferences(String workspace) {
        Reply reply = api.get("api/notifications/preferences", Tokens.billingAdmin(workspace));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** Two send rounds' time: long enough for an email that should not come to have come. */
    private static void pauseForStragglers() {
        pause(Duration.ofMillis(1500));
    }

}
