package dev.portico.it.page;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.portico.billing.testing.EventJson;
import dev.portico.it.support.Api;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.Browser;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.Eventually;
import dev.portico.it.support.Mailbox;
import dev.portico.it.support.Plans;
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
import dev.portico.it.support.StripeStandIn;
import dev.portico.it.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The billing page in headless Chromium against the deployed EAR: what it shows in each state, its
 * buttons reaching the (stand-in) portal with the right flow, readable errors, and the return page.
 * Screenshots land in target/screenshots. The pages do not depend on the database: the PostgreSQL
 * pass leaves this class out (ear/pom.xml).
 */
class BillingPageIT extends DeployedEar {

    private static final String ORIGIN = "http://localhost:" + Api.PORT;
    private static final Instant PERIOD_END = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant T = Instant.parse("2026-08-10T00:00:00Z");

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        Mailbox.start();
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "active     | Active          | Full access | false | Manage subscription,Update payment method,View invoices,Cancel subscription",
        "scheduled  | Active          | Full access | true  | Manage subscription,Update payment method,View invoices",
        "past_due   | Payment failing | Read-only   | false | Manage subscription,Update payment method,View invoices,Cancel subscription",
        "canceled   | Canceled        | Read-only   | false | Update payment method,View invoices",
        "none       | No subscription | Read-only   | false | Update payment method,View invoices"
    })
    void showsEachStateWithTheButtonsThatFit(String state, String badge, String access, boolean cancels, String buttons) {
        Story story = workspaceIn(state);

        open(Tokens.billingAdmin(story.workspace()));

        assertEquals(badge, text("status"));
        assertEquals(access, text("access"));
        assertEquals(story.workspace(), text("workspace"));
        assertEquals(cancels || state.equals("canceled"), browser.findElement(By.id("cancels")).isDisplayed());
        if (cancels) {
            assertEquals("Cancels on 1 March 2031. You keep full access until then.", text("cancels"));
        }
        if (state.equals("canceled")) {
            assertEquals("Your subscription has ended. You have read-only access until 1 March 2031.", text("cancels"));
        }
        if (state.equals("past_due")) {
            assertTrue(text("access-why").contains("payment is failing"), text("access-why"));
        }
        assertEquals(List.of(buttons.split(",")), visibleButtons());
        if (!state.equals("none")) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("emails")));
            assertTrue(text("email-list").contains("Payment method updated"), text("email-list"));
        }
        assertFalse(browser.getCurrentUrl().contains("token"), "the token left the URL: " + browser.getCurrentUrl());
        Browser.screenshot(browser, "billing-" + state);
        if (state.equals("past_due")) {
            Browser.phone(browser);
            Browser.screenshot(browser, "billing-" + state + "-phone");
            Browser.desktop(browser);
        }
    }

    @Test
    void membersSeeTheStatusButNoButtons() {
        Story story = workspaceIn("active");

        open(Tokens.member(story.workspace()));

        assertEquals("Active", text("status"));
        assertFalse(browser.findElement(By.id("actions")).isDisplayed());
        assertFalse(browser.findElement(By.id("emails")).isDisplayed());
    }

    @Test
    void eachButtonOpensThePortalInItsFlow() {
        Story story = workspaceIn("active");
        Map<String, String> flows = Map.of("Manage subscription", "subscription_update",
                "Update payment method", "payment_method_update", "View invoices", "none",
                "Cancel subscription", "subscription_cancel");
        String token = Tokens.billingAdmin(story.workspace());

        for (Map.Entry<String, String> button : flows.entrySet()) {
            open(token);
            button(button.getKey()).click();
            wait.until(ExpectedConditions.urlContains(stripe.portalUrl()));

            assertEquals(button.getValue(), browser.findElement(By.id("flow")).getText(), button.getKey());
            assertEquals(ORIGIN + "/billing/return", browser.findElement(By.id("return")).getAttribute("href"));
            assertFalse(browser.getCurrentUrl().contains(token));
        }
        Browser.screenshot(browser, "stand-in-portal");
        assertEquals(4, stripe.portalSessionsOfCustomer(story.customer()).size(), "one session per click");
    }

    @Test
    void aButtonCannotBeSubmittedTwice() {
        Story story = workspaceIn("active");
        open(Tokens.billingAdmin(story.workspace()));

        browser.executeScript("arguments[0].click(); arguments[0].click();", button("Update payment method"));
        wait.until(ExpectedConditions.urlContains(stripe.portalUrl()));

        assertEquals(1, stripe.portalSessionsOfCustomer(story.customer()).size());
    }

    @Test
    void errorsReadAsSentencesAndTheButtonComesBack() {
        Story story = workspaceIn("active");
        StubMapping down = stripe.override(post(urlPathEqualTo("/v1/billing_portal/sessions"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"type\": \"api_error\"}}")));
        try {
            open(Tokens.billingAdmin(story.workspace()));
            button("Update payment method").click();
            WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));

            assertEquals("The billing portal cannot be reached right now. Please try again in a moment.", message.getText());
            assertFalse(message.getText().contains("{"));
            wait.until(ExpectedConditions.elementToBeClickable(button("Update payment method")));
            Browser.screenshot(browser, "billing-error");
        } finally {
            stripe.remove(down);
        }

        browser.get(ORIGIN + "/billing/");
        sessionStorageCleared();
        assertEquals("Open billing from the app you use: this page needs your sign-in.",
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message"))).getText());
    }

    @Test
    void theReturnPageShowsWhatChangedOnceTheWebhookLands() {
        Story story = workspaceIn("active");
        open(Tokens.billingAdmin(story.workspace()));
        button("Cancel subscription").click();
        wait.until(ExpectedConditions.urlContains(stripe.portalUrl()));

        // The customer cancels in the portal; Stripe's webhook lands a moment after the redirect back.
        browser.findElement(By.id("return")).click();
        CompletableFuture<Void> webhook = CompletableFuture.runAsync(() -> {
            Eventually.pause(Duration.ofSeconds(2));
            deliver(story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(60)));
        });
        WebElement changes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
        webhook.join();

        assertEquals("Your subscription will end on 1 March 2031.", changes.getText());
        assertEquals("Cancels on 1 March 2031. You keep full access until then.", text("cancels"));
        assertEquals(changes, browser.findElement(By.cssSelector("[aria-live=polite] #changes")), "announced as it appears");
        Browser.screenshot(browser, "billing-return");
    }

    @Test
    void whenTheWebhookNeverLandsTheReturnPageHasPorticoAskStripe() {
        Story story = workspaceIn("active");
        open(Tokens.billingAdmin(story.workspace()));
        button("Cancel subscription").click();
        wait.until(ExpectedConditions.urlContains(stripe.portalUrl()));
        // The customer cancels in the portal; Stripe has it, but no webhook ever comes.
        stripe.describe(story.customer(), story.event("customer.updated").object("data.object").json(),
                List.of(story.subscriptionEvent("active", true, PERIOD_END, T.plusSeconds(60)).object("data.object").json()),
                List.of());

        browser.findElement(By.id("return")).click();
        WebElement changes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changes")));

        assertEquals("Your subscription will end on 1 March 2031.", changes.getText());
        assertEquals("Cancels on 1 March 2031. You keep full access until then.", text("cancels"));
    }

    @Test
    void showsThePlanItsPriceTheCardAndTheRecentInvoicesAtAGlance() {
        Story story = workspaceIn("none");
        deliver(story.event("customer.updated"));
        EventJson subscribed = ownPriceAndCard(story, story.subscriptionEvent("active", false, PERIOD_END, T))
                .set("data.object.items.data.0.quantity", 3);
        String product = subscribed.string("data.object.items.data.0.price.product");
        stripe.product(product, "Team");
        stripe.card(subscribed.string("data.object.default_payment_method"), "visa", "4242", 12, 2099);
        deliver(subscribed);
        String invoice = story.invoiceEvent("invoice.paid", 1, T).string("data.object.id");
        locale("en-US");
        for (int i = 1; i <= 14; i++) {
            deliver(story.invoiceEvent("invoice.paid", 1, T.plusSeconds(i)).newId()
                    .set("data.object.id", invoice + "n" + i)
                    .set("data.object.number", "ACME-" + (1000 + i))
                    .set("data.object.created", T.plusSeconds(86_400L * i).getEpochSecond()));
        }

        open(Tokens.billingAdmin(story.workspace()));

        assertEquals("Team", text("plan"));
        assertEquals("$20.00 per month × 3", text("price"));
        assertEquals("Visa •••• 4242", text("card"));
        assertEquals("Expires 12/2099", text("card-expiry"));
        assertFalse(browser.findElement(By.id("card-warning")).isDisplayed());
        List<WebElement> rows = browser.findElements(By.cssSelector("#invoice-rows tr"));
        assertEquals(12, rows.size(), "the 12 most recent");
        assertEquals(List.of("24 August 2026", "ACME-1014", "$20.00", "Paid", "View PDF"), cells(rows.get(0)));
        assertEquals("ACME-1003", cells(rows.get(11)).get(1));
        WebElement pdf = rows.get(0).findElement(By.linkText("PDF"));
        assertTrue(pdf.getAttribute("href").startsWith("https://pay.stripe.com/invoice/"), pdf.getAttribute("href"));
        assertEquals("Invoice ACME-1014 as PDF", pdf.getAttribute("aria-label"));
        assertEquals(1, stripe.requestsFor("/v1/products/" + product));

        locale("de-DE");
        open(Tokens.member(story.workspace()));
        assertEquals("20,00 $ per month × 3", text("price"), "amounts by the browser's locale");
        List<WebElement> memberRows = browser.findElements(By.cssSelector("#invoice-rows tr"));
        assertEquals(List.of("24 August 2026", "ACME-1014", "20,00 $", "Paid"), cells(memberRows.get(0)), "no links for members");
        assertEquals(List.of(), browser.findElements(By.cssSelector("#invoice-rows a")));
        assertEquals(1, stripe.requestsFor("/v1/products/" + product), "the product's name is fetched once");
    }

    @Test
    void aZeroDecimalCurrencyAndACardThatExpiresBeforeTheRenewal() {
        Story story = workspaceIn("none");
        deliver(story.event("customer.updated"));
        EventJson subscribed = ownPriceAndCard(story, story.subscriptionEvent("active", false, PERIOD_END, T))
                .set("data.object.items.data.0.price.currency", "jpy")
                .set("data.object.items.data.0.price.unit_amount", 3000)
                .set("data.object.items.data.0.price.nickname", "Yen plan")
                .set("data.object.items.data.0.price.recurring.interval", "year");
        stripe.card(subscribed.string("data.object.default_payment_method"), "mastercard", "4444", 1, 2030);
        deliver(subscribed);
        locale("en-US");

        open(Tokens.billingAdmin(story.workspace()));

        assertEquals("Yen plan", text("plan"), "no product name at Stripe: the price's nickname");
        assertEquals("¥3,000 per year", text("price"));
        assertEquals("Mastercard •••• 4444", text("card"));
        assertEquals("This card expires before your next renewal on 1 March 2031. Update your payment method to keep your"
                + " subscription.", text("card-warning"));
    }

    @Test
    void aTrialSaysWhenItEnds() {
        Story story = workspaceIn("none");
        deliver(story.event("customer.updated"));
        Instant trialEnd = Instant.now().plus(Duration.ofDays(5)).minusSeconds(3600);
        deliver(story.subscriptionEvent("trialing", false, trialEnd, T).set("data.object.trial_end", trialEnd.getEpochSecond()));

        open(Tokens.member(story.workspace()));

        assertEquals("Trial ends on", browser.findElement(By.id("period-label")).getAttribute("textContent"));
        assertEquals(day(trialEnd) + " (in 5 days)", text("period-end"));
    }

    @Test
    void aPastDueWorkspaceGetsABannerWithItsTwoActions() {
        Story story = workspaceIn("past_due");
        EventJson failed = story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30))
                .set("data.object.next_payment_attempt", Instant.parse("2026-08-13T09:00:00Z").getEpochSecond());
        deliver(failed);
        locale("en-US");

        open(Tokens.billingAdmin(story.workspace()));

        assertEquals("The payment of $20.00 for invoice " + failed.string("data.object.number") + " failed. Stripe tries"
                + " again on 13 August 2026. Update the payment method, or pay the invoice now.", text("alert-text"));
        List<WebElement> actions = browser.findElements(By.cssSelector("#alert-actions button, #alert-actions a"));
        assertEquals(List.of("Update payment method", "Pay invoice"), actions.stream().map(WebElement::getText).toList());
        assertEquals(failed.string("data.object.hosted_invoice_url"), actions.get(1).getAttribute("href"));
        actions.get(0).click();
        wait.until(ExpectedConditions.urlContains(stripe.portalUrl()));
        assertEquals("payment_method_update", browser.findElement(By.id("flow")).getText());

        open(Tokens.member(story.workspace()));
        assertTrue(text("alert-text").endsWith("A billing admin can fix this."), text("alert-text"));
        assertFalse(browser.findElement(By.id("alert-actions")).isDisplayed());
    }

    @Test
    void everyActionWorksFromTheKeyboardWithTheFocusVisible() {
        Story story = workspaceIn("active");
        open(Tokens.billingAdmin(story.workspace()));

        WebElement target = button("Update payment method");
        for (int i = 0; i < 20 && !target.equals(browser.switchTo().activeElement()); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        WebElement focused = browser.switchTo().activeElement();
        assertEquals(target, focused, "reached with Tab");
        assertFalse("none".equals(focused.getCssValue("outline-style")), "the focus shows");
        focused.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains(stripe.portalUrl()));
        assertEquals("payment_method_update", browser.findElement(By.id("flow")).getText());
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"active, 1280", "active, 390", "trialing, 1280", "trialing, 390", "past_due, 1280", "past_due, 390",
        "scheduled, 1280", "scheduled, 390", "canceled, 1280", "canceled, 390", "none, 1280", "none, 390"})
    void bothPagesPassAWcagAaAuditInEveryState(String state, int width) {
        Story story = workspaceIn(state);
        if (state.equals("past_due")) {
            deliver(story.invoiceEvent("invoice.payment_failed", 1, T.plusSeconds(30)));
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        for (boolean dark : new boolean[] {false, true}) {
            colorScheme(dark ? "dark" : "light");
            open(Tokens.billingAdmin(story.workspace()));
            assertAccessible(state + " billing page at " + width + " px" + (dark ? ", dark" : ""));
            browser.get(ORIGIN + "/billing/return/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
            assertAccessible(state + " return page at " + width + " px" + (dark ? ", dark" : ""));
        }
        colorScheme("light");
        if (state.equals("active") || state.equals("past_due")) {
            open(Tokens.billingAdmin(story.workspace()));
            Browser.screenshot(browser, "billing-" + state.replace('_', '-') + (width < 600 ? "-phone" : "-desktop"));
        }
    }

    @Test
    void thePlansSideBySideAndASwitchOpensStripesConfirmationOfThatPlan() {
        Plans.offer(api, stripe);
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story.event("checkout.session.completed"));
        deliver(story.event("customer.updated"));
        deliver(story.subscriptionEvent("active", false, PERIOD_END, T));

        open(Tokens.member(story.workspace()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plans")));
        assertEquals(List.of("Starter", "Team", "Business"), browser.findElements(By.cssSelector("#plan-list h3")).stream()
                .map(WebElement::getText).toList(), "cheapest first");
        assertEquals(List.of(), browser.findElements(By.cssSelector("#plan-list button")), "members cannot switch");

        open(Tokens.billingAdmin(story.workspace()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plans")));
        List<WebElement> plans = browser.findElements(By.cssSelector("#plan-list > li"));
        assertTrue(plans.get(1).getText().contains("Current plan"), plans.get(1).getText());
        assertTrue(plans.get(1).getText().contains("CSV exports"), "the product's marketing features");
        assertTrue(plans.get(2).getText().contains("$50.00 per month"), plans.get(2).getText());
        assertEquals(List.of("Switch to Starter", "Switch to Business"), browser.findElements(By.cssSelector("#plan-list button"))
                .stream().map(WebElement::getText).toList());
        for (boolean dark : new boolean[] {false, true}) {
            colorScheme(dark ? "dark" : "light");
            open(Tokens.billingAdmin(story.workspace()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plans")));
            assertAccessible("the plans" + (dark ? ", dark" : ""));
        }
        colorScheme("light");
        open(Tokens.billingAdmin(story.workspace()));
        browser.executeScript("document.getElementById('plans').scrollIntoView()");
        Browser.screenshot(browser, "billing-plans");

        browser.findElement(By.xpath("//button[text()='Switch to Business']")).click();
        wait.until(ExpectedConditions.urlContains(stripe.portalUrl()));
        assertEquals("subscription_update_confirm", browser.findElement(By.id("flow")).getText());
        Map<?, ?> flow = (Map<?, ?>) StripeStandIn.form(stripe.portalSessionsOfCustomer(story.customer()).get(0))
                .get("flow_data");
        Map<?, ?> item = (Map<?, ?>) ((List<?>) ((Map<?, ?>) flow.get("subscription_update_confirm")).get("items")).get(0);
        assertEquals(Plans.BUSINESS, item.get("price"));
    }

    @Test
    void aDowngradeTheBillingPortalScheduledIsNamedWithItsDate() {
        Plans.offer(api, stripe);
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story.event("checkout.session.completed"));
        deliver(story.subscriptionEvent("active", false, PERIOD_END, T));
        deliver(Plans.scheduledSwitch(story, Plans.STARTER, PERIOD_END, T.plusSeconds(10)));

        open(Tokens.billingAdmin(story.workspace()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pending")));

        assertEquals("Switches to Starter on 1 March 2031.", text("pending"));
        assertTrue(browser.findElements(By.cssSelector("#plan-list > li")).get(0).getText().contains("Scheduled"));
        assertAccessible("a scheduled switch");
    }

    @Test
    void claimsAreShownAsTextNeverAsMarkup() {
        Story story = workspaceIn("active");
        String markup = "<img src=x onerror=\"document.title='pwned'\">Acme";

        open(Tokens.builder().workspace(story.workspace()).groups("billing-admin").claim("workspace_name", markup).sign());

        assertEquals(markup, text("workspace"));
        assertEquals(List.of(), browser.findElements(By.cssSelector("#workspace img")));
        assertFalse(browser.getTitle().contains("pwned"), browser.getTitle());
    }

    @Test
    void thePagesForbidInlineScriptAndForeignFramesAndSayNoVersion() {
        for (String page : List.of("billing/", "billing/return/")) {
            Reply reply = api.http11().get(page, null); // as a browser without h2c asks: Payara's banners come over HTTP/1.1

            assertEquals(200, reply.status(), page);
            String policy = reply.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), page + ": " + policy);
            assertTrue(policy.contains("frame-ancestors 'self' https://app.example.com https://localhost"), page + ": " + policy);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), page);
            assertEquals("no-referrer", reply.header("Referrer-Policy"), page);
            assertNull(reply.header("Server"), page);
            assertNull(reply.header("X-Powered-By"), page);
        }
    }

    private void open(String token) {
        browser.get("about:blank"); // on the page already, a new fragment alone would not load it again
        browser.get(ORIGIN + "/billing/#token=" + token);
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("summary")),
                ExpectedConditions.visibilityOfElementLocated(By.id("message"))));
    }

    private void sessionStorageCleared() {
        browser.executeScript("sessionStorage.clear(); location.reload();");
    }

    /** Zero violations of WCAG 2.1 A and AA, as Deque's axe-core finds them in what the browser shows. */
    private void assertAccessible(String what) {
        assertEquals(List.of(), Browser.accessibilityViolations(browser), what);
    }

    private void locale(String tag) {
        Browser.locale(browser, tag);
    }

    private void colorScheme(String scheme) {
        Browser.colorScheme(browser, scheme);
    }

    /** The subscription event with a product and card of this story's own (Stripe's examples share theirs). */
    private static EventJson ownPriceAndCard(Story story, EventJson event) {
        String own = story.customer().substring("cus_".length());
        return event.set("data.object.items.data.0.price.product", "prod_" + own).set("data.object.default_payment_method", "pm_" + own);
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private static String day(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private WebElement button(String label) {
        return browser.findElements(By.cssSelector("#actions button")).stream()
                .filter(button -> button.getText().equals(label)).findFirst().orElseThrow();
    }

    private List<String> visibleButtons() {
        return browser.findElements(By.cssSelector("#actions button")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList();
    }

    /** A workspace whose billing (set by signed webhooks) is in {@code state}. */
    private Story workspaceIn(String state) {
        Story story = StripeEvents.story(Tokens.newWorkspace());
        deliver(story.event("checkout.session.completed"));
        if (state.equals("none")) {
            return story;
        }
        deliver(story.event("customer.updated"));
        EventJson subscription = ownPriceAndCard(story, switch (state) {
            case "scheduled" -> story.subscriptionEvent("active", true, PERIOD_END, T);
            case "past_due", "canceled" -> story.subscriptionEvent(state, false, PERIOD_END, T);
            case "trialing" -> story.subscriptionEvent(state, false, PERIOD_END, T)
                    .set("data.object.trial_end", PERIOD_END.getEpochSecond());
            default -> story.subscriptionEvent("active", false, PERIOD_END, T);
        });
        stripe.product(subscription.string("data.object.items.data.0.price.product"), "Team");
        stripe.card(subscription.string("data.object.default_payment_method"), "visa", "4242", 12, 2099);
        deliver(subscription);
        return story;
    }

    private void deliver(EventJson event) {
        StripeEvents.deliverSettled(api, event);
    }
}
