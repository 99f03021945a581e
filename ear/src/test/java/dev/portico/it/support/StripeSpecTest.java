package dev.portico.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spec check must be able to fail: requests Stripe would refuse are reported. */
class StripeSpecTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static StripeSpec spec;

    @BeforeAll
    static void load() {
        spec = StripeSpec.load();
    }

    @Test
    void conformingRequestsPass() {
        assertEquals(List.of(), spec.problems("POST", "/v1/billing_portal/sessions", null, FORM,
                "customer=cus_1&return_url=https%3A%2F%2Fa.example%2F&flow_data%5Btype%5D=subscription_cancel"
                        + "&flow_data%5Bsubscription_cancel%5D%5Bsubscription%5D=sub_1"
                        + "&flow_data%5Bafter_completion%5D%5Btype%5D=redirect"
                        + "&flow_data%5Bafter_completion%5D%5Bredirect%5D%5Breturn_url%5D=https%3A%2F%2Fa.example%2F"));
        assertEquals(List.of(), spec.problems("POST", "/v1/customers", null, FORM,
                "email=a%40b.example&metadata%5Bworkspace_id%5D=ws-1"));
        assertEquals(List.of(), spec.problems("GET", "/v1/subscriptions/sub_123", "expand[0]=customer", null, ""));
    }

    @Test
    void whatTheVendoredSpecPredatesIsCheckedByTheReferenceShape() {
        assertEquals(List.of(), spec.problems("GET", "/v1/entitlements/active_entitlements",
                "customer=cus_1&limit=100&starting_after=ent_1", null, ""));
        assertProblem("unknown query parameter lookup_key",
                spec.problems("GET", "/v1/entitlements/active_entitlements", "customer=cus_1&lookup_key=x", null, ""));
        String schedule = "features%5Bsubscription_update%5D%5Bschedule_at_period_end%5D%5Bconditions%5D%5B0%5D%5Btype%5D=";
        assertEquals(List.of(), spec.problems("POST", "/v1/billing_portal/configurations/bpc_1", null, FORM,
                schedule + "decreasing_item_amount"));
        assertProblem("is not one of", spec.problems("POST", "/v1/billing_portal/configurations", null, FORM,
                schedule + "increasing_item_amount"));
        assertEquals(List.of(), spec.problems("GET", "/v1/prices", "active=true&expand[0]=data.product&limit=100", null, ""));
    }

    @Test
    void requestsStripeWouldRefuseAreReported() {
        assertProblem("unknown parameter customer_id",
                spec.problems("POST", "/v1/billing_portal/sessions", null, FORM, "customer_id=cus_1"));
        assertProblem("is not one of",
                spec.problems("POST", "/v1/billing_portal/sessions", null, FORM, "customer=cus_1&flow_data%5Btype%5D=bogus"));
        assertProblem("missing required parameter flow_data[subscription_cancel][subscription]",
                spec.problems("POST", "/v1/billing_portal/sessions", null, FORM,
                        "customer=cus_1&flow_data%5Btype%5D=subscription_cancel&flow_data%5Bsubscription_cancel%5D%5Bretention%5D%5Btype%5D=coupon_offer"));
        assertProblem("is not a integer", spec.problems("POST", "/v1/customers", null, FORM, "balance=abc"));
        assertProblem("not an operation", spec.problems("POST", "/v1/portal_sessions", null, FORM, ""));
        assertProblem("unknown query parameter", spec.problems("GET", "/v1/subscriptions/sub_1", "bogus=1", null, ""));
    }

    @Test
    void bracketNotationDecodesIntoObjectsAndArrays() {
        assertEquals(Map.of("a", Map.of("b", "1"), "e", List.of("x", "y")), StripeSpec.decode("a%5Bb%5D=1&e%5B1%5D=y&e%5B0%5D=x"));
    }

    private static void assertProblem(String expected, List<String> problems) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> "expected '" + expected + "' in " + problems);
    }
}
