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
import dev.portico.it.support.StripeEvents;
import dev.portico.it.support.StripeEvents.Story;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The billing page in headless Chromium against the deployed EAR: what it shows in each state, its
 * buttons reaching the (stand-in) portal with the right flow, readable errors, and the return page.
 * Screenshots land in target/screenshots.
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
        assertEquals(cancels, browser.findElement(By.id("cancels")).isDisplayed());
        if (cancels) {
            assertEquals("Cancels on 1 March 2031. You keep full access until then.", text("cancels"));
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
            Reply reply = api.get(page, null);

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
        browser.get(ORIGIN + "/billing/#token=" + token);
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("summary")),
                ExpectedConditions.visibilityOfElementLocated(By.id("message"))));
    }

    private void sessionStorageCleared() {
        browser.executeScript("sessionStorage.clear(); location.reload();");
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
        deliver(switch (state) {
            case "scheduled" -> story.subscriptionEvent("active", true, PERIOD_END, T);
            case "past_due", "canceled" -> story.subscriptionEvent(state, false, PERIOD_END, T);
            default -> story.subscriptionEvent("active", false, PERIOD_END, T);
        });
        return story;
    }

    private void deliver(EventJson event) {
        StripeEvents.deliverSettled(api, event);
    }
}
