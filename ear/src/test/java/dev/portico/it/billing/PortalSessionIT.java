package dev.portico.it.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.portico.it.support.Api.Reply;
import dev.portico.it.support.DatabaseUnderTest;
import dev.portico.it.support.DeployedEar;
import dev.portico.it.support.ServerClock;
import dev.portico.it.support.StripeStandIn;
import dev.portico.it.support.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@code POST /api/billing/portal-session} through the deployed EAR. */
class PortalSessionIT extends DeployedEar {

    private static final String PATH = "api/billing/portal-session";
    private final String portalUrl = stripe.portalUrl();

    @Test
    void opensThePortalForANewWorkspaceWithTheDefaultReturnUrl() {
        String workspace = Tokens.newWorkspace();
        String token = Tokens.builder().workspace(workspace).groups("billing-admin").email("ada@example.com").sign();

        Reply reply = api.post(PATH, token, null);

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.json().getString("url").startsWith(portalUrl), reply::toString);
        Request created = single(stripe.customerCreations(workspace));
        assertEquals("ada@example.com", StripeStandIn.form(created).get("email"));
        assertTrue(created.getHeader("Idempotency-Key").contains(workspace));
        Map<String, Object> session = sessionFormOf(workspace);
        assertEquals("https://app.example.com/billing/return", session.get("return_url"));
        assertFalse(session.containsKey("flow_data"));
    }

    @Test
    void reusesTheWorkspaceCustomerAndPassesAnAllowedReturnUrl() {
        String workspace = Tokens.newWorkspace();
        String token = Tokens.billingAdmin(workspace);

        assertEquals(200, api.post(PATH, token, null).status());
        Reply reply = api.post(PATH, token, "{\"returnUrl\":\"https://APP.example.com/settings?tab=billing\"}");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, stripe.customerCreations(workspace).size());
        List<Request> sessions = sessionsOf(workspace);
        assertEquals(2, sessions.size());
        assertEquals(StripeStandIn.form(sessions.get(0)).get("customer"), StripeStandIn.form(sessions.get(1)).get("customer"));
        assertEquals("https://APP.example.com/settings?tab=billing", StripeStandIn.form(sessions.get(1)).get("return_url"));
    }

    @Test
    void paymentMethodFlowDeepLinksAndReturnsAfterCompletion() {
        String workspace = Tokens.newWorkspace();

        Reply reply = api.post(PATH, Tokens.billingAdmin(workspace), "{\"flow\":\"payment_method_update\"}");

        assertEquals(200, reply.status(), reply::toString);
        Map<?, ?> flow = (Map<?, ?>) sessionFormOf(workspace).get("flow_data");
        assertEquals("payment_method_update", flow.get("type"));
        assertEquals(Map.of("type", "redirect", "redirect", Map.of("return_url", "https://app.example.com/billing/return")),
                flow.get("after_completion"));
    }

    @Test
    void subscriptionFlowsNeedASubscription() {
        String workspace = Tokens.newWorkspace();
        String token = Tokens.billingAdmin(workspace);

        for (String flow : List.of("subscription_cancel", "subscription_update")) {
            Reply reply = api.post(PATH, token, "{\"flow\":\"" + flow + "\"}");
            assertEquals(409, reply.status(), reply::toString);
            assertEquals("NO_SUBSCRIPTION", reply.error());
        }
        assertEquals(List.of(), sessionsOf(workspace));
    }

    @Test
    void unknownFlowIsRefused() {
        Reply reply = api.post(PATH, Tokens.billingAdmin(Tokens.newWorkspace()), "{\"flow\":\"delete_everything\"}");

        assertEquals(400, reply.status(), reply::toString);
        assertEquals("INVALID_FLOW", reply.error());
    }

    @Test
    void returnUrlsOffTheAllowListAreRefused() {
        String workspace = Tokens.newWorkspace();
        String token = Tokens.billingAdmin(workspace);
        List<String> attacks = List.of(
                "https://evil.com/billing",
                "javascript:alert(document.cookie)",
                "JavaScript://app.example.com/%0aalert(1)",
                "//evil.com/billing",
                "/billing/return",
                "https://app.example.com@evil.com/",
                "https://app.example.com:443@evil.com/",
                "https://user:secret@app.example.com/",
                "https://evil.com\\\\@app.example.com/",
                "https://evil.com#@app.example.com",
                "https://app.example.com.evil.com/",
                "https://app.example.com%2F@evil.com/",
                "ftp://app.example.com/file",
                "data:text/html,<script>alert(1)</script>",
                " https://app.example.com/",
                "https://app.example.com/\\r\\nLocation: https://evil.com",
                "");
        List<Executable> checks = new ArrayList<>();
        for (String attack : attacks) {
            Reply reply = api.post(PATH, token, "{\"returnUrl\":\"" + attack.replace("\"", "\\\"") + "\"}");
            checks.add(() -> assertEquals(400, reply.status(), attack + " -> " + reply));
            checks.add(() -> assertEquals("INVALID_RETURN_URL", reply.error(), attack));
        }
        assertAll(checks);
        assertEquals(List.of(), sessionsOf(workspace), "no portal session may be opened for a refused URL");
    }

    @Test
    void malformedBodiesAreRefused() {
        String token = Tokens.billingAdmin(Tokens.newWorkspace());
        Map<String, String> cases = Map.of(
                "{\"returnUrl\":", "INVALID_JSON",
                "not json", "INVALID_JSON",
                "[\"https://app.example.com/\"]", "INVALID_REQUEST",
                "{\"returnUrl\":42}", "INVALID_REQUEST",
                "{\"flow\":[\"payment_method_update\"]}", "INVALID_REQUEST",
                "{\"customer\":\"cus_SomeoneElse1\"}", "INVALID_REQUEST");
        List<Executable> checks = new ArrayList<>();
        cases.forEach((body, code) -> {
            Reply reply = api.post(PATH, token, body);
            checks.add(() -> assertEquals(400, reply.status(), body + " -> " + reply));
            checks.add(() -> assertEquals(code, reply.error(), body));
        });
        assertAll(checks);
    }

    @Test
    void bodiesOverTheirLimitsAreRefusedNeverAFault() {
        String token = Tokens.billingAdmin(Tokens.newWorkspace());
        String overSize = "{\"returnUrl\": \"https://app.example.com/" + "a".repeat(8200) + "\"}";
        String huge = " ".repeat(10 * 1024 * 1024) + "{}";
        String deep = "{\"flow\": " + "[".repeat(3000) + "]".repeat(3000) + "}";
        String longUrl = "{\"returnUrl\": \"https://app.example.com/" + "a".repeat(2100) + "\"}";

        Reply tooLarge = api.post(PATH, token, overSize);
        Reply tenMegabytes = api.post(PATH, token, huge);
        Reply nested = api.post(PATH, token, deep);
        Reply tooLong = api.post(PATH, token, longUrl);

        assertEquals(413, tooLarge.status(), tooLarge::toString);
        assertEquals("PAYLOAD_TOO_LARGE", tooLarge.error());
        assertEquals(413, tenMegabytes.status(), "10 MB body");
        assertEquals("PAYLOAD_TOO_LARGE", tenMegabytes.error());
        assertEquals(400, nested.status(), nested::toString);
        assertEquals("INVALID_JSON", nested.error());
        assertEquals(400, tooLong.status(), tooLong::toString);
        assertEquals("INVALID_RETURN_URL", tooLong.error());
    }

    @Test
    void callersWithoutAValidTokenAreUnauthenticated() throws Exception {
        String workspace = Tokens.newWorkspace();
        Map<String, String> tokens = Map.of(
                "expired", Tokens.builder().workspace(workspace).groups("billing-admin")
                        .issued(Duration.ofHours(2), Duration.ofHours(1)).sign(),
                "forged", Tokens.builder().workspace(workspace).groups("billing-admin").forged().sign(),
                "other issuer", Tokens.builder().workspace(workspace).groups("billing-admin")
                        .issuer("https://evil.example").sign(),
                "garbage", "not-a-jwt");
        List<Executable> checks = new ArrayList<>();
        Reply none = api.post(PATH, null, null);
        checks.add(() -> assertEquals(401, none.status(), "no token -> " + none));
        checks.add(() -> assertEquals("UNAUTHENTICATED", none.error()));
        tokens.forEach((kind, token) -> {
            Reply reply = api.post(PATH, token, null);
            checks.add(() -> assertEquals(401, reply.status(), kind + " -> " + reply));
            checks.add(() -> assertEquals("UNAUTHENTICATED", reply.error(), kind));
        });
        assertAll(checks);
        assertEquals(List.of(), stripe.customerCreations(workspace));
    }

    @Test
    void onlyBillingAdminsOfAWorkspaceMayOpenThePortal() {
        Reply member = api.post(PATH, Tokens.member(Tokens.newWorkspace()), null);
        Reply noWorkspace = api.post(PATH, Tokens.builder().groups("billing-admin").sign(), null);

        assertEquals(403, member.status(), member::toString);
        assertEquals("FORBIDDEN", member.error());
        assertEquals(403, noWorkspace.status(), noWorkspace::toString);
        assertEquals("NO_WORKSPACE", noWorkspace.error());
    }

    @Test
    void sessionsAreThrottledPerWorkspace() {
        String busy = Tokens.billingAdmin(Tokens.newWorkspace());
        for (int i = 0; i < 10; i++) {
            assertEquals(200, api.post(PATH, busy, null).status());
        }

        Reply throttled = api.post(PATH, busy, null);
        Reply other = api.post(PATH, Tokens.billingAdmin(Tokens.newWorkspace()), null);

        assertEquals(429, throttled.status(), throttled::toString);
        assertEquals("RATE_LIMITED", throttled.error());
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(200, other.status(), "another workspace is not throttled: " + other);
    }

    @Test
    void sessionsOpenedOnAnotherNodeCountHere() throws Exception {
        assumeTrue(DatabaseUnderTest.postgresql(),
                "writes the shared database as another node would: runs in the PostgreSQL pass");
        String workspace = Tokens.newWorkspace();
        String token = Tokens.billingAdmin(workspace);
        assertEquals(200, api.post(PATH, token, null).status(), "one session here");
        // Nine more on another node, a moment ago: their slots are in the table every node shares.
        try (Connection db = DriverManager.getConnection(System.getProperty("it.postgres.url"), "postgres", "");
             PreparedStatement update = db.prepareStatement(
                     "UPDATE billing_portal_throttle SET slots = slots || ? WHERE workspace_id = ?")) {
            String now = "," + ServerClock.now().toEpochMilli();
            update.setString(1, now.repeat(9));
            update.setString(2, workspace);
            assertEquals(1, update.executeUpdate());
        }

        Reply throttled = api.post(PATH, token, null);

        assertEquals(429, throttled.status(), throttled::toString);
        assertEquals("RATE_LIMITED", throttled.error());
    }

    @Test
    void twentyParallelFirstRequestsMakeOneCustomer() throws Exception {
        String workspace = Tokens.newWorkspace();
        String token = Tokens.billingAdmin(workspace);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Reply> click = () -> {
                    start.await();
                    return api.post(PATH, token, null);
                };
                replies.add(pool.submit(click));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
            }

            assertEquals(10, statuses.stream().filter(s -> s == 200).count(), "within the throttle: " + statuses);
            assertEquals(10, statuses.stream().filter(s -> s == 429).count(), "beyond the throttle: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, stripe.customerCreations(workspace).size());
        Set<Object> customers = sessionsOf(workspace).stream()
                .map(r -> StripeStandIn.form(r).get("customer")).collect(Collectors.toSet());
        assertEquals(1, customers.size(), "every session is for the one customer: " + customers);
    }

    @Test
    void stripeFailuresBecomeSafeErrors() {
        String token = Tokens.billingAdmin(Tokens.newWorkspace());
        assertEquals(200, api.post(PATH, token, null).status());

        Reply down = withPortalStub(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}"), token);
        Reply unreachable = withPortalStub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), token);
        Reply rejected = withPortalStub(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                        + "\"message\":\"No such customer; key sk_test_****9f3c2a\"}}"), token);

        assertEquals(503, down.status(), down::toString);
        assertEquals("STRIPE_UNAVAILABLE", down.error());
        assertEquals(503, unreachable.status(), unreachable::toString);
        assertEquals("STRIPE_UNAVAILABLE", unreachable.error());
        assertEquals(502, rejected.status(), rejected::toString);
        assertEquals("STRIPE_ERROR", rejected.error());
        assertFalse(rejected.body().contains("No such customer"), "Stripe's own text is not passed on");
    }

    @Test
    void aTenantNeverReachesAnotherTenantsCustomer() {
        String alpha = Tokens.newWorkspace();
        String beta = Tokens.newWorkspace();
        assertEquals(200, api.post(PATH, Tokens.billingAdmin(alpha), null).status());
        assertEquals(200, api.post(PATH, Tokens.billingAdmin(beta), null).status());
        Object alphaCustomer = sessionFormOf(alpha).get("customer");
        Object betaCustomer = sessionFormOf(beta).get("customer");

        Reply smuggled = api.post(PATH, Tokens.billingAdmin(beta), "{\"customer\":\"" + alphaCustomer + "\"}");
        Reply again = api.post(PATH, Tokens.billingAdmin(beta), null);

        assertNotEquals(alphaCustomer, betaCustomer);
        assertEquals(400, smuggled.status(), smuggled::toString);
        assertEquals(200, again.status());
        assertEquals(betaCustomer, StripeStandIn.form(sessionsOf(beta).get(1)).get("customer"));
        assertEquals(1, stripe.portalSessionsOfCustomer(alphaCustomer).size(),
                "only alpha's own request used alpha's customer");
    }

    @Test
    void eachSessionIsLoggedOnceWithItsRequestIdAndTheStripeKeyNever() {
        String workspace = Tokens.newWorkspace();

        Reply opened = api.postWithHeaders(PATH, Tokens.billingAdmin(workspace), "{\"flow\":\"payment_method_update\"}",
                "X-Request-Id", "lb-7f3a.1");
        Reply refused = api.postWithHeaders(PATH, Tokens.billingAdmin(workspace), "{\"flow\":\"subscription_cancel\"}",
                "X-Request-Id", "not a token; " + "x".repeat(80));

        assertEquals(200, opened.status(), opened::toString);
        assertEquals("lb-7f3a.1", opened.header("X-Request-Id"), "a well-formed id is kept");
        assertEquals(409, refused.status(), refused::toString);
        String fresh = refused.header("X-Request-Id");
        assertTrue(fresh.matches("[0-9a-f-]{36}"), "a malformed id is replaced: " + fresh);
        String log = serverLog();
        Object customer = sessionFormOf(workspace).get("customer");
        assertTrue(log.contains("portal_session request=lb-7f3a.1 workspace=" + workspace + " customer=" + customer
                + " flow=payment_method_update outcome=OK duration_ms="), "structured success line");
        assertTrue(log.contains("portal_session request=" + fresh + " workspace=" + workspace + " customer=" + customer
                + " flow=subscription_cancel outcome=NO_SUBSCRIPTION duration_ms="), "structured refusal line");
        assertFalse(log.contains("not a token"), "nothing of a malformed id reaches the log");
        assertFalse(log.contains(System.getProperty("it.stripe.api.key")), "the Stripe key is in the server log");
    }

    private Reply withPortalStub(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response, String token) {
        StubMapping stub = stripe.override(post(urlPathEqualTo("/v1/billing_portal/sessions")).willReturn(response));
        try {
            Reply reply = api.post(PATH, token, null);
            assertFalse(reply.body().contains(System.getProperty("it.stripe.api.key")), "the Stripe key leaked");
            return reply;
        } finally {
            stripe.remove(stub);
        }
    }

    private List<Request> sessionsOf(String workspace) {
        return stripe.portalSessions(workspace);
    }

    private Map<String, Object> sessionFormOf(String workspace) {
        List<Request> sessions = sessionsOf(workspace);
        assertFalse(sessions.isEmpty(), "no portal session for " + workspace);
        return StripeStandIn.form(sessions.get(sessions.size() - 1));
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), () -> "expected one, got " + items);
        return items.get(0);
    }
}
