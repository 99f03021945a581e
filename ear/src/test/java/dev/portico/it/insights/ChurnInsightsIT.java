package dev.portico.it.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.Browser;
import dev.portico.it.support.DatabaseUnderTest;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Pipeline;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Churn insights through the deployed EAR: a scripted set of subscriptions on two plans is
 * scheduled to cancel, reactivated and ended by real signed webhooks in January to March 2030
 * (months no other test uses), and {@code GET /api/insights/churn} answers exactly the figures
 * worked out by hand below.
 */
class ChurnInsightsIT extends DeployedEar {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Team: $20.00 a month. Scale: $360.00 a year, two seats: $60.00 a month. */
    private static final String TEAM = "price_team_" + RUN;
    private static final String SCALE = "price_scale_" + RUN;
    private static final String PERIOD = "from=2030-01&to=2030-03";

    /** Whether this test JVM (one per database pass) has delivered the script yet. */
    private static boolean scripted;

    /** One subscription of the script: its story and its price. */
    private record Subscription(Story story, String price, long amount, String interval, long seats, Instant start) {
    }

    @BeforeEach
    void script() {
        synchronized (ChurnInsightsIT.class) {
            if (scripted) {
                return;
            }
            // Scheduled in January (too expensive), ended 1 February: 92 days old.
            Subscription one = subscribed(TEAM, 2000, "month", 1, "2029-11-01");
            deliver(one, "active", true, "2030-01-10", "too_expensive", "Too pricey for us");
            deliver(one, "canceled", false, "2030-02-01", "too_expensive", "Too pricey for us");
            // Scheduled (missing features) and undone in January: a reactivation, no cancellation.
            Subscription two = subscribed(TEAM, 2000, "month", 1, "2029-12-01");
            deliver(two, "active", true, "2030-01-15", "missing_features", "Needs SSO");
            deliver(two, "active", false, "2030-01-20", null, null);
            // Ended at once on 10 February (switched service): 374 days old, $60.00 a month lost.
            Subscription three = subscribed(SCALE, 36000, "year", 2, "2029-02-01");
            deliver(three, "canceled", false, "2030-02-10", "switched_service", null);
            // Ended 5 March without feedback: 63 days old.
            Subscription four = subscribed(TEAM, 2000, "month", 1, "2030-01-01");
            deliver(four, "canceled", false, "2030-03-05", null, null);
            scripted = true;
        }
    }

    @Test
    void monthByMonth() {
        JsonObject report = churn(PERIOD + "&plan=");
        List<JsonObject> months = report.getJsonArray("months").getValuesAs(JsonObject.class);

        assertEquals(List.of("2030-01", "2030-02", "2030-03"), months.stream().map(m -> m.getString("month")).toList());
        assertFigures(months.get(0), 0, 2, 1, "{}", JsonValue.NULL);
        assertFigures(months.get(1), 2, 0, 0, "{\"usd\":8000}", 233.0);
        assertEquals("{\"switched_service\":1,\"too_expensive\":1}", months.get(1).getJsonObject("cancellationsByReason").toString());
        assertFigures(months.get(2), 1, 0, 0, "{\"usd\":2000}", 63.0);
        assertEquals("{\"none\":1}", months.get(2).getJsonObject("cancellationsByReason").toString());
        assertFigures(report.getJsonObject("total"), 3, 2, 1, "{\"usd\":10000}", 92.0);
    }

    @Test
    void byReasonAndByPlan() {
        JsonObject report = churn(PERIOD);

        JsonObject tooExpensive = find(report, "byReason", "reason", "too_expensive");
        assertFigures(tooExpensive, 1, 1, 0, "{\"usd\":2000}", 92.0);
        assertFigures(find(report, "byReason", "reason", "switched_service"), 1, 0, 0, "{\"usd\":6000}", 374.0);
        assertFigures(find(report, "byPlan", "plan", TEAM), 2, 2, 1, "{\"usd\":4000}", 77.5);
        assertFigures(find(report, "byPlan", "plan", SCALE), 1, 0, 0, "{\"usd\":6000}", 374.0);
        assertEquals(List.of(SCALE, TEAM), report.getJsonArray("plans").getValuesAs(JsonString::getString));
    }

    @Test
    void onePlanOnly() {
        JsonObject report = churn(PERIOD + "&plan=" + SCALE);

        assertEquals(SCALE, report.getString("plan"));
        assertFigures(report.getJsonObject("total"), 1, 0, 0, "{\"usd\":6000}", 374.0);
        assertEquals(List.of(SCALE, TEAM), report.getJsonArray("plans").getValuesAs(JsonString::getString),
                "every plan of the period, for the filter");
    }

    @Test
    void commentsNewestFirstEachOncePaged() {
        JsonObject first = churn(PERIOD + "&commentsLimit=1").getJsonObject("comments");
        JsonObject second = churn(PERIOD + "&commentsLimit=1&commentsOffset=1").getJsonObject("comments");

        assertEquals(1, first.getJsonArray("items").size());
        assertEquals("Too pricey for us", first.getJsonArray("items").getJsonObject(0).getString("comment"));
        assertEquals("2030-02-01T12:00:00Z", first.getJsonArray("items").getJsonObject(0).getString("at"));
        assertEquals(true, first.getBoolean("more"));
        assertEquals("Needs SSO", second.getJsonArray("items").getJsonObject(0).getString("comment"));
        assertEquals("missing_features", second.getJsonArray("items").getJsonObject(0).getString("feedback"));
        assertEquals(false, second.getBoolean("more"), "the scheduled and the ended one say the same: listed once");
    }

    @Test
    void operatorsOnlyAndPeriodsThatMakeSense() {
        Reply member = api.get("api/insights/churn", Tokens.member(Tokens.newWorkspace()));
        Reply backwards = api.get("api/insights/churn?from=2030-03&to=2030-01", Pipeline.operatorToken());
        Reply notAMonth = api.get("api/insights/churn?from=2030-13", Pipeline.operatorToken());
        Reply tooLong = api.get("api/insights/churn?from=2027-01&to=2030-01", Pipeline.operatorToken());
        Reply defaults = api.get("api/insights/churn", Pipeline.operatorToken());

        assertEquals(403, member.status(), member::toString);
        assertEquals(400, backwards.status(), backwards::toString);
        assertEquals("INVALID_REQUEST", notAMonth.error());
        assertEquals(400, tooLong.status(), tooLong::toString);
        assertEquals(12, defaults.json().getJsonArray("months").size(), "the last twelve months by default");
    }

    @Test
    void theOperatorsPageShowsTheFiguresAsChartAndTableAndPassesAWcagAudit() {
        assumeFalse(DatabaseUnderTest.postgresql(), "the page does not depend on the database: tested in the Derby pass");
        ChromeDriver browser = Browser.open();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.locale(browser, "en-US");
            browser.get("http://localhost:" + Api.PORT + "/insights/#token=" + Pipeline.operatorToken());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
            show(browser, wait, "2030-01", "2030-03", "");

            assertEquals("3", browser.findElement(By.id("total-cancellations")).getText());
            assertEquals("1", browser.findElement(By.id("total-reactivations")).getText());
            assertEquals("$100.00", browser.findElement(By.id("total-lost")).getText());
            assertEquals("92", browser.findElement(By.id("total-age")).getText());
            assertEquals(3, browser.findElements(By.cssSelector("#chart rect")).size(), "February: two reasons, March: one");
            assertEquals(List.of("Too expensive", "Switched service", "No reason given"),
                    browser.findElements(By.cssSelector("#legend li")).stream().map(WebElement::getText).toList());
            assertEquals(List.of("Feb 2030", "2", "Too expensive 1, Switched service 1", "0", "0", "$80.00", "233"),
                    browser.findElements(By.cssSelector("#months tr")).get(1).findElements(By.cssSelector("th, td")).stream()
                            .map(WebElement::getText).toList());
            assertEquals("Too pricey for us", browser.findElement(By.cssSelector("#comments li q")).getText());
            Browser.screenshot(browser, "insights-desktop");
            for (String scheme : List.of("light", "dark")) {
                Browser.colorScheme(browser, scheme);
                for (int width : new int[] {1280, 390}) {
                    browser.manage().window().setSize(new Dimension(width, 900));
                    assertEquals(List.of(), Browser.accessibilityViolations(browser), scheme + " at " + width + " px");
                }
            }
            Browser.colorScheme(browser, "light");
            Browser.desktop(browser);

            show(browser, wait, "2030-01", "2030-03", SCALE);
            assertEquals("1", browser.findElement(By.id("total-cancellations")).getText());
            assertEquals("$60.00", browser.findElement(By.id("total-lost")).getText());
        } finally {
            browser.quit();
        }
    }

    /** Sets the filters as a person would pick them, submits, and waits for the report of that period. */
    private static void show(ChromeDriver browser, WebDriverWait wait, String from, String to, String plan) {
        browser.executeScript("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[1];", from, to);
        if (!plan.isEmpty()) {
            new Select(browser.findElement(By.id("plan"))).selectByValue(plan);
        }
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Showing " + from + " to " + to + "."));
    }

    private JsonObject churn(String query) {
        Reply reply = api.get("api/insights/churn?" + query, Pipeline.operatorToken());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static JsonObject find(JsonObject report, String list, String key, String value) {
        return report.getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .filter(each -> value.equals(each.getString(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + value + " in " + report.get(list)));
    }

    private static void assertFigures(JsonObject figures, int cancellations, int scheduled, int reactivations, String lost,
                                      Object medianAgeDays) {
        String seen = figures.toString();
        assertEquals(cancellations, figures.getInt("cancellations"), seen);
        assertEquals(scheduled, figures.getInt("scheduled"), seen);
        assertEquals(reactivations, figures.getInt("reactivations"), seen);
        assertEquals(lost, figures.getJsonObject("monthlyAmountLost").toString(), seen);
        assertEquals(medianAgeDays == JsonValue.NULL ? "null" : medianAgeDays.toString(),
                figures.get("medianAgeDays").toString(), seen);
    }

    /** A workspace whose subscription to {@code price} started (active) at noon on {@code day}. */
    private Subscription subscribed(String price, long amount, String interval, long seats, String day) {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        StripeEvents.deliverSettled(api, story.event("checkout.session.completed"));
        Subscription subscription = new Subscription(story, price, amount, interval, seats, noon(day));
        StripeEvents.deliverSettled(api, described(subscription, "active", false, day));
        return subscription;
    }

    /** The subscription in {@code status} as of noon on {@code day}, with these cancellation details. */
    private void deliver(Subscription subscription, String status, boolean cancelAtPeriodEnd, String day, String feedback,
                         String comment) {
        boolean canceling = cancelAtPeriodEnd || status.equals("canceled");
        StripeEvents.deliverSettled(api, described(subscription, status, cancelAtPeriodEnd, day)
                .set("data.object.cancellation_details.feedback", feedback)
                .set("data.object.cancellation_details.comment", comment)
                .set("data.object.cancellation_details.reason", canceling ? "cancellation_requested" : null));
    }

    private static EventJson described(Subscription s, String status, boolean cancelAtPeriodEnd, String day) {
        return s.story().subscriptionEvent(status, cancelAtPeriodEnd, noon("2031-01-01"), noon(day))
                .set("data.object.created", s.start().getEpochSecond())
                .set("data.object.start_date", s.start().getEpochSecond())
                .set("data.object.items.data.0.price.id", s.price())
                .set("data.object.items.data.0.price.unit_amount", s.amount())
                .set("data.object.items.data.0.price.recurring.interval", s.interval())
                .set("data.object.items.data.0.price.recurring.interval_count", 1)
                .set("data.object.items.data.0.quantity", s.seats());
    }

    private static Instant noon(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }
}
