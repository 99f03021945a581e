package dev.portico.it.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Stripe's API on loopback for the deployed EAR to call (via {@code STRIPE_API_BASE}). Answers
 * are Stripe's own fixture objects ({@code stripe/openapi/fixtures3.json} in the test resources) with the request's values filled in;
 * customer creation honours idempotency keys as Stripe does; its reads answer what a test said
 * Stripe holds ({@link #list} events, {@link #describe} a customer's objects). Every request received can be
 * checked against Stripe's OpenAPI spec with {@link #requestsBreakingTheSpec()}.
 */
public final class StripeStandIn {

    public static final String API_VERSION = "2026-07-29.dahlia";
    private static final String METADATA_WORKSPACE = "workspace_id";
    /** Stripe's example object of every resource (API version {@value #API_VERSION}); origin in the README beside it. */
    private static final String FIXTURES = "/stripe/openapi/fixtures3.json";
    private static StripeStandIn instance;

    private final WireMockServer server;
    private final StripeSpec spec;
    private final JsonObject fixtures;
    private final Map<String, String> idempotentReplies = new ConcurrentHashMap<>();
    private final Map<String, String> workspaceByCustomer = new ConcurrentHashMap<>();
    /** Per portal session id: its flow type (or "none") and return URL, for the stand-in portal page. */
    private final Map<String, String[]> portalSessions = new ConcurrentHashMap<>();
    private static final String PORTAL_PATH = "/p/session/test_";
    private final String portalUrl;
    /** Stripe's Events API: events a test made Stripe hold (delivered by webhook or not), in the order added. */
    private final List<JsonObject> events = new ArrayList<>();
    /** What Stripe has now, for the customers a test described: the customer, its subscriptions, its invoices. */
    private final Map<String, JsonObject> customers = new ConcurrentHashMap<>();
    private final Map<String, List<JsonObject>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, List<JsonObject>> invoices = new ConcurrentHashMap<>();
    /** Products and payment methods a test described, by id. */
    private final Map<String, JsonObject> objects = new ConcurrentHashMap<>();
    private static final String CONFIGURATIONS = "/v1/billing_portal/configurations";
    /** Prices a test described, in the order described (Stripe lists newest first; Portico sorts them itself). */
    private final Map<String, JsonObject> prices = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Active entitlements' feature lookup keys, by customer. */
    private final Map<String, List<String>> entitlements = new ConcurrentHashMap<>();
    private final StandInPortalConfigurations configurations;

    private StripeStandIn(int port) {
        this.spec = StripeSpec.load();
        try (InputStream in = StripeStandIn.class.getResourceAsStream(FIXTURES)) {
            if (in == null) {
                throw new IllegalStateException("No " + FIXTURES + " on the test class path");
            }
            this.fixtures = Json.createReader(in).readObject().getJsonObject("resources");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.configurations = new StandInPortalConfigurations(fixtures.getJsonObject("billing_portal.configuration"));
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1").port(port).extensions(new Replies()));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(aResponse().withTransformers(Replies.NAME)));
        server.stubFor(post(urlPathEqualTo("/v1/billing_portal/sessions"))
                .willReturn(aResponse().withTransformers(Replies.NAME)));
        server.stubFor(WireMock.get(urlPathMatching("/p/session/.*")).willReturn(aResponse().withTransformers(Replies.NAME)));
        server.stubFor(post(urlPathMatching(CONFIGURATIONS + "(/.+)?")).willReturn(aResponse().withTransformers(Replies.NAME)));
        for (String read : List.of(CONFIGURATIONS, "/v1/events", "/v1/customers/.+", "/v1/subscriptions", "/v1/invoices", "/v1/invoices/.+",
                "/v1/products/.+", "/v1/payment_methods/.+", "/v1/prices", "/v1/entitlements/active_entitlements")) {
            server.stubFor(WireMock.get(urlPathMatching(read)).willReturn(aResponse().withTransformers(Replies.NAME)));
        }
        this.portalUrl = "http://127.0.0.1:" + port + PORTAL_PATH;
    }

    /** The portal configurations of the stand-in's account. */
    public StandInPortalConfigurations portalConfigurations() {
        return configurations;
    }

    /** Where the portal sessions it makes send the browser: a page of this stand-in (Stripe's host is unreachable here). */
    public String portalUrl() {
        return portalUrl;
    }

    /** The one stand-in of this test run, on the port the server was configured with. */
    public static synchronized StripeStandIn get() {
        if (instance == null) {
            instance = new StripeStandIn(Integer.getInteger("it.stripe.port"));
            Runtime.getRuntime().addShutdownHook(new Thread(instance.server::stop));
        }
        return instance;
    }

    /** Installs an overriding stub (e.g. a failure); remove it with {@link #remove}. */
    public StubMapping override(com.github.tomakehurst.wiremock.client.MappingBuilder stub) {
        return server.stubFor(stub.atPriority(1));
    }

    public void remove(StubMapping stub) {
        server.removeStub(stub);
    }

    /**
     * Makes Stripe's Events API list these events (JSON of each, as a delivery's body), beside those
     * listed before: newest first by {@code created}, the later added first within a second.
     */
    public void list(String... eventJson) {
        synchronized (events) {
            for (String json : eventJson) {
                events.add(Json.createReader(new java.io.StringReader(json)).readObject());
            }
        }
    }

    /**
     * What Stripe has now for a customer (each a Stripe object's JSON): the customer, its
     * subscriptions and its invoices, as {@code GET /v1/customers/{id}}, {@code /v1/subscriptions}
     * and {@code /v1/invoices} answer. A customer no test described is unknown ({@code 404}).
     */
    public void describe(String customerId, String customerJson, List<String> subscriptionJson, List<String> invoiceJson) {
        customers.put(customerId, read(customerJson));
        subscriptions.put(customerId, subscriptionJson.stream().map(StripeStandIn::read).toList());
        invoices.put(customerId, invoiceJson.stream().map(StripeStandIn::read).toList());
    }

    /** Makes every {@code GET /v1/events} answer only after {@code delay} (Stripe slow); undo with {@link #remove}. */
    public StubMapping slowEventListings(java.time.Duration delay) {
        return override(WireMock.get(urlPathEqualTo("/v1/events"))
                .willReturn(aResponse().withTransformers(Replies.NAME).withFixedDelay((int) delay.toMillis())));
    }

    /** Makes Stripe hold a product of this name ({@code GET /v1/products/{id}}): Stripe's example product, renamed. */
    public void product(String productId, String name) {
        objects.put(productId, Json.createObjectBuilder(fixtures.getJsonObject("product")).add("id", productId)
                .add("name", name).build());
    }

    /**
     * Makes Stripe hold a recurring price offered as a Portico plan ({@code metadata.portico_plan =
     * true}) and its product: Stripe's example price and product, changed. {@code features} go to
     * the product's {@code metadata.portico_features}, {@code highlights} to its marketing features.
     */
    public void plan(String priceId, String productId, String name, long amount, String interval, List<String> features,
                     List<String> highlights) {
        JsonObject example = fixtures.getJsonObject("product");
        var marketing = Json.createArrayBuilder();
        highlights.forEach(highlight -> marketing.add(Json.createObjectBuilder().add("name", highlight)));
        objects.put(productId, Json.createObjectBuilder(example).add("id", productId).add("name", name)
                .add("description", name + " plan").add("active", true).add("marketing_features", marketing)
                .add("metadata", Json.createObjectBuilder().add("portico_features", String.join(",", features))).build());
        JsonObject price = fixtures.getJsonObject("price");
        prices.put(priceId, Json.createObjectBuilder(price).add("id", priceId).add("product", productId)
                .add("unit_amount", amount).add("unit_amount_decimal", Long.toString(amount)).add("currency", "usd")
                .add("active", true).add("metadata", Json.createObjectBuilder().add("portico_plan", "true"))
                .add("recurring", Json.createObjectBuilder(price.getJsonObject("recurring")).add("interval", interval)
                        .add("interval_count", 1))
                .build());
    }

    /** Makes Stripe hold an active price that is not offered as a plan (no {@code portico_plan} metadata). */
    public void unofferedPrice(String priceId, String productId, long amount) {
        product(productId, "Legacy");
        prices.put(priceId, Json.createObjectBuilder(fixtures.getJsonObject("price")).add("id", priceId)
                .add("product", productId).add("unit_amount", amount).add("active", true).build());
    }

    /** Makes Stripe list these features' lookup keys as the customer's active entitlements. */
    public void entitlements(String customerId, List<String> lookupKeys) {
        entitlements.put(customerId, List.copyOf(lookupKeys));
    }

    /** Makes Stripe hold a card payment method ({@code GET /v1/payment_methods/{id}}): Stripe's example card, changed. */
    public void card(String paymentMethodId, String brand, String last4, int expMonth, int expYear) {
        JsonObject example = fixtures.getJsonObject("payment_method");
        objects.put(paymentMethodId, Json.createObjectBuilder(example).add("id", paymentMethodId).add("type", "card")
                .add("card", Json.createObjectBuilder(example.getJsonObject("card")).add("brand", brand).add("last4", last4)
                        .add("exp_month", expMonth).add("exp_year", expYear))
                .build());
    }

    /** POST requests so far to paths starting with this one (creates and updates). */
    public int writesTo(String path) {
        return (int) server.getAllServeEvents().stream().filter(event -> event.getRequest().getMethod().getName().equals("POST")
                && event.getRequest().getUrl().startsWith(path)).count();
    }

    /** The decoded query strings of the GET requests so far to exactly this path, oldest first. */
    public List<Map<String, Object>> queriesOf(String path) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            Request request = event.getRequest();
            if (request.getMethod().getName().equals("GET") && request.getUrl().split("\\?")[0].equals(path)) {
                found.add(0, query(request));
            }
        }
        return found;
    }

    /** Requests received so far for this path (e.g. {@code /v1/products/prod_1}). */
    public int requestsFor(String path) {
        return (int) server.getAllServeEvents().stream().filter(event -> event.getRequest().getUrl().equals(path)).count();
    }

    /** The event-list requests received so far, oldest first (their query strings). */
    public List<ServeEvent> eventListings() {
        List<ServeEvent> found = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith("/v1/events")) {
                found.add(0, event);
            }
        }
        return found;
    }

    private static JsonObject read(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    /** Customer-creation requests received so far for the workspace (by metadata). */
    public List<Request> customerCreations(String workspace) {
        return received("/v1/customers", form -> form.get("metadata") instanceof Map<?, ?> metadata
                && workspace.equals(metadata.get(METADATA_WORKSPACE)));
    }

    /** The customer the stand-in made for the workspace (Portico asked for it), if any. */
    public java.util.Optional<String> customerOf(String workspace) {
        return workspaceByCustomer.entrySet().stream().filter(entry -> entry.getValue().equals(workspace))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Portal-session requests received so far for any customer the stand-in made for the workspace. */
    public List<Request> portalSessions(String workspace) {
        return received("/v1/billing_portal/sessions",
                form -> workspace.equals(workspaceByCustomer.get(String.valueOf(form.get("customer")))));
    }

    /** Portal-session requests received so far naming this customer. */
    public List<Request> portalSessionsOfCustomer(Object customer) {
        return received("/v1/billing_portal/sessions", form -> customer.equals(form.get("customer")));
    }

    private List<Request> received(String path, Predicate<Map<String, Object>> matching) {
        List<Request> found = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            Request request = event.getRequest();
            if (request.getUrl().startsWith(path) && matching.test(form(request))) {
                found.add(0, request); // the journal lists newest first
            }
        }
        return found;
    }

    /** Decoded form body of a request, e.g. {@code {customer=cus_1, flow_data={type=...}}}. */
    public static Map<String, Object> form(Request request) {
        return StripeSpec.decode(request.getBodyAsString());
    }

    /** Every API request so far that Stripe would refuse, with the reasons; then forgets them. */
    public List<String> requestsBreakingTheSpec() {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            Request request = event.getRequest();
            String url = request.getUrl();
            String agent = request.getHeader("User-Agent");
            if (url.startsWith(PORTAL_PATH) || (agent != null && agent.startsWith("Mozilla/"))) {
                continue;  // a browser visiting the stand-in portal page (and its favicon), not Portico calling Stripe
            }
            int q = url.indexOf('?');
            String path = q < 0 ? url : url.substring(0, q);
            List<String> found = new ArrayList<>(spec.problems(request.getMethod().getName(), path,
                    q < 0 ? null : url.substring(q + 1), request.contentTypeHeader().mimeTypePart(),
                    request.getBodyAsString()));
            if (!API_VERSION.equals(request.getHeader("Stripe-Version"))) {
                found.add("Stripe-Version is " + request.getHeader("Stripe-Version"));
            }
            if (!request.containsHeader("Authorization") || !request.getHeader("Authorization").startsWith("Bearer sk_")) {
                found.add("no secret-key bearer authorization");
            }
            found.forEach(problem -> problems.add(request.getMethod() + " " + url + ": " + problem));
        }
        server.resetRequests();
        return problems;
    }

    private String customer(Request request) {
        Map<String, Object> form = form(request);
        JsonObjectBuilder customer = Json.createObjectBuilder(fixtures.getJsonObject("customer"))
                .add("id", "cus_" + randomId(14))
                .add("created", Instant.now().getEpochSecond())
                .add("livemode", false);
        if (form.get("email") instanceof String email) {
            customer.add("email", email);
        }
        if (form.get("metadata") instanceof Map<?, ?> metadata) {
            JsonObjectBuilder meta = Json.createObjectBuilder();
            metadata.forEach((k, v) -> meta.add((String) k, (String) v));
            customer.add("metadata", meta);
        }
        JsonObject created = customer.build();
        if (form.get("metadata") instanceof Map<?, ?> metadata && metadata.get(METADATA_WORKSPACE) instanceof String ws) {
            workspaceByCustomer.put(created.getString("id"), ws);
        }
        return created.toString();
    }

    private String portalSession(Request request) {
        Map<String, Object> form = form(request);
        String id = randomId(24);
        JsonObjectBuilder session = Json.createObjectBuilder(fixtures.getJsonObject("billing_portal.session"))
                .add("id", "bps_" + id)
                .add("customer", String.valueOf(form.get("customer")))
                .add("return_url", String.valueOf(form.get("return_url")))
                .add("url", portalUrl + id)
                .add("created", Instant.now().getEpochSecond())
                .add("livemode", false);
        portalSessions.put(id, new String[] {form.get("flow_data") instanceof Map<?, ?> flow ? String.valueOf(flow.get("type"))
                : "none", String.valueOf(form.get("return_url"))});
        if (form.get("flow_data") instanceof Map<?, ?> flow) {
            session.add("flow", Json.createObjectBuilder(fixtures.getJsonObject("billing_portal.session").getJsonObject("flow"))
                    .add("type", String.valueOf(flow.get("type"))));
        } else {
            session.addNull("flow");
        }
        return session.build().toString();
    }

    /** {@code GET /v1/events}: filtered by {@code types} and {@code created[gte]}, paged by {@code starting_after}. */
    private String eventList(Request request) {
        Map<String, Object> query = query(request);
        long since = query.get("created") instanceof Map<?, ?> created && created.get("gte") instanceof String gte
                ? Long.parseLong(gte) : Long.MIN_VALUE;
        List<?> types = query.get("types") instanceof List<?> list ? list : null;
        int limit = query.get("limit") instanceof String l ? Integer.parseInt(l) : 10;
        List<JsonObject> newestFirst = new ArrayList<>();
        synchronized (events) {
            for (JsonObject event : events) {
                if (event.getJsonNumber("created").longValue() >= since && (types == null || types.contains(event.getString("type")))) {
                    newestFirst.add(0, event);
                }
            }
        }
        newestFirst.sort((a, b) -> Long.compare(b.getJsonNumber("created").longValue(), a.getJsonNumber("created").longValue()));
        int start = 0;
        if (query.get("starting_after") instanceof String after) {
            for (int i = 0; i < newestFirst.size(); i++) {
                if (newestFirst.get(i).getString("id").equals(after)) {
                    start = i + 1;
                }
            }
        }
        List<JsonObject> page = newestFirst.subList(Math.min(start, newestFirst.size()), Math.min(start + limit, newestFirst.size()));
        return list("/v1/events", page, start + limit < newestFirst.size());
    }

    /** A request's query string, decoded as Stripe reads it ({@code created[gte]=1} → {@code {created={gte=1}}}). */
    private static Map<String, Object> query(Request request) {
        String url = request.getUrl();
        return url.indexOf('?') < 0 ? Map.of() : StripeSpec.decode(url.substring(url.indexOf('?') + 1));
    }

    private static String list(String url, List<JsonObject> data, boolean hasMore) {
        var items = Json.createArrayBuilder();
        data.forEach(items::add);
        return Json.createObjectBuilder().add("object", "list").add("data", items).add("has_more", hasMore).add("url", url)
                .build().toString();
    }

    /** What Stripe has now (see {@link #describe}), or null when it has no such object. */
    private String described(Request request) {
        String url = request.getUrl();
        String path = url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
        Map<String, Object> query = query(request);
        if (path.startsWith("/v1/products/") || path.startsWith("/v1/payment_methods/")) {
            JsonObject object = objects.get(path.substring(path.lastIndexOf('/') + 1));
            return object == null ? null : object.toString();
        }
        if (path.startsWith("/v1/customers/")) {
            JsonObject customer = customers.get(path.substring("/v1/customers/".length()));
            return customer == null ? null : customer.toString();
        }
        if (path.equals("/v1/prices")) {
            return list(path, prices.values().stream().filter(price -> !"true".equals(query.get("active"))
                    || price.getBoolean("active")).map(price -> expandProduct(price, query)).toList(), false);
        }
        if (path.equals("/v1/entitlements/active_entitlements")) {
            JsonObject example = fixtures.getJsonObject("entitlements.active_entitlement");
            List<JsonObject> active = entitlements.getOrDefault(String.valueOf(query.get("customer")), List.of()).stream()
                    .map(key -> Json.createObjectBuilder(example).add("id", "ent_" + key.replaceAll("[^A-Za-z0-9]", ""))
                            .add("lookup_key", key).build())
                    .toList();
            return list(path, active, false);
        }
        if (path.equals("/v1/subscriptions")) {
            return list(path, subscriptions.getOrDefault(String.valueOf(query.get("customer")), List.of()), false);
        }
        if (path.equals("/v1/invoices")) {
            return list(path, invoices.getOrDefault(String.valueOf(query.get("customer")), List.of()), false);
        }
        String invoiceId = path.substring("/v1/invoices/".length());
        return invoices.values().stream().flatMap(List::stream).filter(invoice -> invoiceId.equals(invoice.getString("id")))
                .findFirst().map(JsonObject::toString).orElse(null);
    }

    /** The price with its product object in place of the id, when the request asked to expand it. */
    private JsonObject expandProduct(JsonObject price, Map<String, Object> query) {
        boolean expand = query.get("expand") instanceof List<?> fields && fields.contains("data.product");
        JsonObject product = objects.get(price.getString("product"));
        return expand && product != null ? Json.createObjectBuilder(price).add("product", product).build() : price;
    }

    private static String randomId(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Builds the answer for each stubbed operation. */
    private final class Replies implements ResponseDefinitionTransformerV2 {
        static final String NAME = "stripe-replies";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String body;
            if (request.getUrl().startsWith(PORTAL_PATH)) {
                String[] session = portalSessions.getOrDefault(request.getUrl().substring(PORTAL_PATH.length()),
                        new String[] {"unknown", ""});
                return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<!DOCTYPE html><html><head><title>Stand-in portal</title></head><body>"
                                + "<h1>Stand-in portal</h1><p id=\"flow\">" + session[0] + "</p>"
                                + "<a id=\"return\" href=\"" + session[1] + "\">Return</a></body></html>").build();
            }
            if (request.getUrl().startsWith(CONFIGURATIONS)) {
                body = portalConfiguration(request);
                if (body == null) {
                    return missing();
                }
            } else if (request.getMethod().getName().equals("GET")) {
                body = request.getUrl().startsWith("/v1/events") ? eventList(request) : described(request);
                if (body == null) {
                    return missing();
                }
            } else if (request.getUrl().startsWith("/v1/customers")) {
                String key = request.getHeader("Idempotency-Key");
                body = key == null ? customer(request) : idempotentReplies.computeIfAbsent(key, k -> customer(request));
            } else {
                body = portalSession(request);
            }
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_" + randomId(14)).withBody(body).build();
        }

        private ResponseDefinition missing() {
            return aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_" + randomId(14))
                    .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                            + "\"message\":\"No such object.\"}}").build();
        }

        /** Lists, creates (with its idempotency key) or updates a portal configuration; null for an unknown id. */
        private String portalConfiguration(Request request) {
            String path = request.getUrl().split("\\?")[0];
            if (request.getMethod().getName().equals("GET")) {
                return configurations.list();
            }
            return path.equals(CONFIGURATIONS) ? configurations.create(form(request), request.getHeader("Idempotency-Key"))
                    : configurations.update(path.substring(CONFIGURATIONS.length() + 1), form(request));
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
