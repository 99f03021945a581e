import dev.portico.billing.testing.CheckoutReferenceSigner;
import dev.portico.billing.testing.EventJson;
import dev.portico.billing.testing.StripeExamples;
import dev.portico.billing.testing.StripeSignatures;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Load for a running Portico. Two benchmarks, each comparing two endpoints of the same
 * server in the same run:
 *
 * <pre>
 * java -cp billing-module/target/billing-module-*-tests.jar:ear/target/portico/lib/gson.jar \
 *     bench/LoadBench.java webhooks base-url webhook-secret operator-token
 * java bench/LoadBench.java guard base-url workspace token
 * java -cp (as above) bench/LoadBench.java nodes webhook-secret operator-token base-url [base-url ...]
 * java -cp (as above) bench/LoadBench.java rest|burst base-url webhook-secret operator-token
 * </pre>
 *
 * <p>{@code webhooks}: sustained applied Stripe events per second vs the no-op endpoint (GET
 * /api/health): deliveries at full speed, counted until the applier has applied the last one
 * (the operator endpoint shows no stored event left unapplied); intake latency and apply lag
 * (each event's stored-to-applied time, by the server's own clock) at {@value #RATE} events/s;
 * it ends with one line {@code applied/no-op: NN%}.
 *
 * <p>{@code guard}: the {@code @Guarded} example read (GET /api/workspaces/{id}/notes) vs its
 * unguarded twin (same token and tenant checks, no billing guard). The workspace has no
 * subscription, so reads pass the guard with read-only access; the guard does the same work in
 * every state (a cached copy and the rule).
 *
 * Two measurements: (1) closed loop, {@value #WORKERS} requests in flight for {@value #SECONDS}s,
 * no-op and webhook alternating for {@value #ROUNDS} rounds after a warm-up: the most each endpoint
 * serves (for webhooks: applies), and the median of the rounds' ratios (this machine's speed drifts
 * by tens of percent within minutes; alternating keeps the drift out of the ratio); (2) open loop
 * at {@value #RATE}/s for {@value #SECONDS}s: latency
 * at Stripe-like load, timed from each request's scheduled send. Webhooks are real
 * {@code customer.subscription.updated} events for {@value #CUSTOMERS} linked customers, each with
 * a later timestamp than the last, so every one is stored and applied. (3) for {@code webhooks},
 * the floor: the same events under a type Portico ignores, so each is verified and stored, settled
 * as ignored on arrival (the applier never sees it): the intake alone, which no way of applying
 * events can beat.
 *
 * <p>The events are Stripe's examples from billing-module's test jar, edited with its
 * {@code EventJson} builder exactly as the tests edit them (hence the class path above).
 */
public class LoadBench {

    static final int WORKERS = 16;
    static final int SECONDS = 10;
    static final int RATE = 200;
    static final int CUSTOMERS = 50;
    static final int PRESIGNED = 25_000;
    static final int WARM_UP_SECONDS = 60;
    static final int ROUNDS = 5;

    /** How long a delivery may take before it counts as timed out (Stripe gives up on a slow endpoint too). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The at-rest phase: one lone event every {@value #REST_SPACING_MS} ms, {@value #REST_EVENTS} of them. */
    static final int REST_EVENTS = 60;
    static final int REST_SPACING_MS = 500;
    /** The burst: this many deliveries sent at the same moment, as Stripe's retries of an outage may come. */
    static final int BURST = 2_000;

    // HTTP/1.1, as Stripe delivers webhooks (the JDK client would otherwise try an h2c upgrade).
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "webhooks" -> webhooks(URI.create(args[1]), args[2], args[3]);
            case "guard" -> guard(URI.create(args[1]), args[2], args[3]);
            case "access" -> access(URI.create(args[1]), args[2]);
            case "burst" -> burst(URI.create(args[1]), args[2], args[3]);
            case "rest" -> rest(URI.create(args[1]), args[2], args[3]);
            case "nodes" -> nodes(args[1], args[2], java.util.Arrays.stream(args, 3, args.length).map(URI::create).toList());
            default -> throw new IllegalArgumentException("webhooks, guard, access or nodes, not " + args[0]);
        }
    }

    static void guard(URI base, String workspace, String token) throws Exception {
        Supplier<HttpRequest> guarded = () -> HttpRequest.newBuilder(base.resolve("api/workspaces/" + workspace + "/notes"))
                .header("Authorization", "Bearer " + token).GET().build();
        Supplier<HttpRequest> unguarded = () -> HttpRequest.newBuilder(
                base.resolve("api/workspaces/" + workspace + "/notes/unguarded"))
                .header("Authorization", "Bearer " + token).GET().build();
        check(send(guarded.get()), "the guarded read");
        check(send(unguarded.get()), "the unguarded read");
        closedLoop("warm-up unguarded", unguarded, WARM_UP_SECONDS);
        closedLoop("warm-up guarded", guarded, WARM_UP_SECONDS);
        compare("unguarded (GET .../notes/unguarded)", () -> closedLoop("unguarded", unguarded, SECONDS),
                "guarded   (GET .../notes)", () -> closedLoop("guarded", guarded, SECONDS), "guarded/unguarded",
                "target: at least 90%");
    }

    /** The access check for services outside the EAR against the no-op, both carrying the same token. */
    static void access(URI base, String token) throws Exception {
        Supplier<HttpRequest> check = () -> HttpRequest.newBuilder(base.resolve("api/access?operation=read"))
                .header("Authorization", "Bearer " + token).GET().build();
        Supplier<HttpRequest> noOp = () -> HttpRequest.newBuilder(base.resolve("api/health"))
                .header("Authorization", "Bearer " + token).GET().build();
        check(send(check.get()), "the access check");
        check(send(noOp.get()), "the no-op");
        closedLoop("warm-up no-op", noOp, WARM_UP_SECONDS);
        closedLoop("warm-up access check", check, WARM_UP_SECONDS);
        compare("no-op        (GET /api/health)", () -> closedLoop("no-op", noOp, SECONDS),
                "access check (GET /api/access?operation=read)", () -> closedLoop("access check", check, SECONDS),
                "access check/no-op", "one run, no target");
    }

    static void webhooks(URI base, String secret, String operatorToken) throws Exception {
        String run = linkedCustomers(base, secret);
        EventJson update = StripeExamples.event("customer.subscription.updated");
        Backlog backlog = new Backlog(base, operatorToken);
        backlog.drain();
        Supplier<HttpRequest> webhook = updates(base, secret, update, run);
        atRest(base, secret, backlog, run, update);
        burst(base, secret, backlog, webhook);
        // The same events under a type Portico does not act on: verified and stored (one INSERT,
        // one commit) but not applied, the least any delivery costs.
        Supplier<HttpRequest> storedOnly = updates(base, secret, update.copy().type("charge.succeeded"), run);
        Supplier<HttpRequest> noop = () -> HttpRequest.newBuilder(base.resolve("api/health")).GET().build();

        closedLoop("warm-up no-op", noop, WARM_UP_SECONDS);
        closedLoop("warm-up webhook", webhook, WARM_UP_SECONDS);
        backlog.drain();
        double applied = compare("no-op   (GET /api/health)", () -> closedLoop("no-op", noop, SECONDS),
                "applied (POST /api/billing/webhook until the last is applied)", () -> applied(webhook, backlog),
                "applied/no-op", "target: at least 40%");
        Result noopRate = openLoop("no-op   at " + RATE + "/s", noop, null);
        List<String> acknowledged = new ArrayList<>();
        Result hookRate = openLoop("webhook at " + RATE + "/s", webhook, acknowledged);
        backlog.drain();
        List<Long> lags = backlog.applyLags(acknowledged);
        System.out.printf("under load, at %d/s: intake p99 %.1f ms (no-op %.1f ms; target under 20 ms), apply lag p50 %.1f ms,"
                        + " p99 %.1f ms (target under 250 ms)%n", RATE, hookRate.p99(), noopRate.p99(),
                percentile(lags, 50), percentile(lags, 99));
        closedLoop("warm-up stored only", storedOnly, WARM_UP_SECONDS / 3);
        backlog.drain();
        compare("no-op   (GET /api/health)", () -> closedLoop("no-op", noop, SECONDS), "stored only (a type Portico ignores)",
                () -> applied(storedOnly, backlog), "stored-only/no-op", "the floor: what storing alone leaves for applying");
        System.out.printf("applied/no-op: %.0f%%%n", applied);
    }

    /**
     * The at-rest phase, on an idle server: {@value #REST_EVENTS} lone events, one every
     * {@value #REST_SPACING_MS} ms, alternately a new customer's first event (a checkout linking a
     * new workspace) and an update of a customer Portico knows. For each: the apply lag (stored to
     * applied, the server's clock) and the time from its {@code 200} until the operator endpoint
     * shows it applied (polled every 5 ms: what a user waits, give or take a poll).
     */
    static void atRest(URI base, String secret, Backlog backlog, String run, EventJson update) throws Exception {
        List<Long> lags = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        List<Long> firstSeen = new ArrayList<>();
        for (int i = 0; i < REST_EVENTS; i++) {
            boolean first = i % 2 == 0;
            EventJson event = first
                    ? checkout(secret, run, "rest" + i)
                    : update.copy().renameIds(ids(run, i % CUSTOMERS)).id("evt_" + run + "rest" + i)
                            .created(Instant.ofEpochSecond(1783783800L + SEQUENCE.incrementAndGet()));
            long due = System.nanoTime() + REST_SPACING_MS * 1_000_000L;
            HttpResponse<String> reply = HTTP.send(webhook(base, secret, event.bytes()), HttpResponse.BodyHandlers.ofString());
            long acknowledged = System.nanoTime();
            check(reply.statusCode(), "lone event " + i);
            String id = JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsString();
            JsonObject stored = backlog.event(id);
            while (stored.get("outcome").getAsString().equals("RECEIVED")) {
                Thread.sleep(5);
                stored = backlog.event(id);
            }
            long waited = System.nanoTime() - acknowledged;
            seen.add(waited);
            if (first) {
                firstSeen.add(waited);
            }
            lags.add(Backlog.applyLag(stored));
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        }
        Collections.sort(lags);
        Collections.sort(seen);
        Collections.sort(firstSeen);
        System.out.printf("at rest, %d lone events %d ms apart: apply lag p50 %.1f ms, p99 %.1f ms; applied after its 200"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms (new customers' first events: p99 %.1f ms, max %.1f ms;"
                        + " target: every one within 1000 ms)%n", REST_EVENTS, REST_SPACING_MS, percentile(lags, 50),
                percentile(lags, 99), percentile(seen, 50), percentile(seen, 99), percentile(seen, 100),
                percentile(firstSeen, 99), percentile(firstSeen, 100));
    }

    /**
     * A new run's {@value #CUSTOMERS} customers, each linked to a workspace of its own by its
     * checkout; returns the run's name, which their ids carry ({@link #ids}).
     */
    static String linkedCustomers(URI base, String secret) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int c = 0; c < CUSTOMERS; c++) {
            check(send(webhook(base, secret, checkout(secret, run, c).bytes())), "linking customer " + c);
        }
        return run;
    }

    /**
     * The checkout linking customer {@code customer} of run {@code run} to workspace
     * {@code ws-bench-<run>-<customer>}, with the client reference Portico signs (webhook secret).
     */
    static EventJson checkout(String secret, String run, Object customer) {
        EventJson checkout = StripeExamples.event("checkout.session.completed").renameIds(ids(run, customer));
        Instant created = Instant.ofEpochSecond(checkout.number("data.object.created"));
        return checkout.set("data.object.client_reference_id",
                CheckoutReferenceSigner.sign(secret, "ws-bench-" + run + "-" + customer, created));
    }

    /** {@code rest}: the at-rest phase alone, against a running server. */
    static void rest(URI base, String secret, String operatorToken) throws Exception {
        String run = linkedCustomers(base, secret);
        Backlog backlog = new Backlog(base, operatorToken);
        backlog.drain();
        atRest(base, secret, backlog, run, StripeExamples.event("customer.subscription.updated"));
    }

    /** {@code burst} alone, against a running server (after {@code webhooks}' customers exist, or any: events of unknown customers are stored too). */
    static void burst(URI base, String secret, String operatorToken) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        burst(base, secret, new Backlog(base, operatorToken),
                updates(base, secret, StripeExamples.event("customer.subscription.updated"), run));
    }

    /**
     * {@value #BURST} deliveries sent at once, each on its connection: every answer must be a
     * {@code 2xx} or a deliberate {@code 503} with {@code Retry-After}; anything else (a timeout,
     * a reset, a 500) is counted by kind. Then waits until every acknowledged event is applied.
     */
    static void burst(URI base, String secret, Backlog backlog, Supplier<HttpRequest> webhook) throws Exception {
        Errors answers = new Errors();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            pending.add(HTTP.sendAsync(webhook.get(), HttpResponse.BodyHandlers.discarding()).handle((response, failed) -> {
                if (failed != null) {
                    answers.count(failure(failed));
                } else if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
                    answers.count("503 with Retry-After");
                } else {
                    answers.count(Integer.toString(response.statusCode()));
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double answered = (System.nanoTime() - started) / 1e9;
        backlog.drain();
        System.out.printf("burst of %d deliveries at once: all answered after %.1f s, applied after %.1f s; answers %s%n",
                BURST, answered, (System.nanoTime() - started) / 1e9, answers.snapshot());
    }

    /**
     * {@code nodes}: sustained applied events per second with deliveries spread round-robin over
     * the given nodes (one database), the median of {@value #ROUNDS} rounds after a warm-up, and
     * the apply lag at {@value #RATE} events/s; ends with one line {@code nodes N: ...}.
     */
    static void nodes(String secret, String operatorToken, List<URI> nodes) throws Exception {
        URI first = nodes.get(0);
        String run = linkedCustomers(first, secret);
        EventJson update = StripeExamples.event("customer.subscription.updated");
        List<Supplier<HttpRequest>> perNode = nodes.stream().map(node -> updates(node, secret, update, run)).toList();
        AtomicLong turn = new AtomicLong();
        Supplier<HttpRequest> webhook = () -> perNode.get((int) (turn.getAndIncrement() % perNode.size())).get();
        Backlog backlog = new Backlog(first, operatorToken);
        backlog.drain();
        closedLoop("warm-up webhook", webhook, WARM_UP_SECONDS);
        backlog.drain();
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            rates.add(applied(webhook, backlog).perSecond());
        }
        Collections.sort(rates);
        List<String> acknowledged = new ArrayList<>();
        Result atRate = openLoop("webhook at " + RATE + "/s", webhook, acknowledged);
        backlog.drain();
        List<Long> lags = backlog.applyLags(acknowledged);
        System.out.printf("nodes %d: applied %.0f events/s (median of rounds %s), at %d/s intake p99 %.1f ms,"
                        + " apply lag p99 %.1f ms%n", nodes.size(), rates.get(rates.size() / 2),
                rates.stream().map(r -> String.format("%.0f", r)).toList(), RATE, atRate.p99(), percentile(lags, 99));
    }

    /**
     * Sustained applied events per second: deliveries at full speed for {@value #SECONDS}s, then
     * the clock runs on until the applier has applied the last of them (the inbox holds none unapplied).
     */
    static Result applied(Supplier<HttpRequest> webhook, Backlog backlog) throws Exception {
        long started = System.nanoTime();
        Result delivered = closedLoop("  delivering", webhook, SECONDS);
        backlog.drain();
        double seconds = (System.nanoTime() - started) / 1e9;
        double count = delivered.perSecond() * SECONDS;
        System.out.printf("%-50s %8.0f events/s applied (all %d applied after %.1f s)%n", "  applying", count / seconds,
                (long) count, seconds);
        return new Result(count / seconds, delivered.p50(), delivered.p99(), delivered.errors());
    }

    /** The server's pipeline as its operators see it (GET /api/operator/...). */
    record Backlog(URI base, String token) {

        /** Waits until no stored event waits for the applier. */
        void drain() throws Exception {
            while (received() > 0) {
                Thread.sleep(20);
            }
        }

        long received() throws Exception {
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(base.resolve("api/operator/pipeline?limit=1"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            check(reply.statusCode(), "the operator endpoint");
            return JsonParser.parseString(reply.body()).getAsJsonObject().getAsJsonObject("inbox").get("received").getAsLong();
        }

        /** The stored event as the operator endpoint shows it ({@code outcome} RECEIVED until applied). */
        JsonObject event(String eventId) throws Exception {
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(base.resolve("api/operator/events/" + eventId))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            check(reply.statusCode(), "event " + eventId);
            return JsonParser.parseString(reply.body()).getAsJsonObject();
        }

        /** An applied event's lag: stored to applied, by the server's clock, in nanoseconds. */
        static long applyLag(JsonObject event) {
            return Duration.between(Instant.parse(event.get("receivedAt").getAsString()),
                    Instant.parse(event.get("processedAt").getAsString())).toNanos();
        }

        /** Each event's apply lag, sorted. */
        List<Long> applyLags(List<String> eventIds) throws Exception {
            List<Long> lags = new ArrayList<>();
            for (String id : eventIds) {
                lags.add(applyLag(event(id)));
            }
            Collections.sort(lags);
            return lags;
        }
    }

    /**
     * Endless {@code customer.subscription.updated}-shaped events from {@code template}, a new id
     * and a later time each; the first {@value #PRESIGNED} signed ahead of time, so the load
     * generator's own work (it shares the cores) weighs less on the webhook figures.
     */
    static Supplier<HttpRequest> updates(URI base, String secret, EventJson template, String run) {
        List<EventJson> perCustomer = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            perCustomer.add(template.copy().renameIds(ids(run, c)));
        }
        Supplier<HttpRequest> fresh = () -> {
            long n = SEQUENCE.incrementAndGet();
            EventJson event = perCustomer.get((int) (n % CUSTOMERS)).copy()
                    .id("evt_" + run + "n" + n).created(Instant.ofEpochSecond(1783783800L + n));
            return webhook(base, secret, event.bytes());
        };
        ConcurrentLinkedQueue<HttpRequest> signed = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < PRESIGNED; i++) {
            signed.add(fresh.get());
        }
        return () -> {
            HttpRequest next = signed.poll();
            return next != null ? next : fresh.get();
        };
    }

    /** A run's figures; {@code errors}: answers other than 2xx by status, and failed exchanges by kind. */
    record Result(double perSecond, double p50, double p99, Map<String, Integer> errors) {
    }

    /** Counts what went wrong, by status ({@code 503}) or by the exchange's failure ({@code timeout}, {@code reset: ...}). */
    static final class Errors {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void count(String what) {
            counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        }

        Map<String, Integer> snapshot() {
            Map<String, Integer> sorted = new TreeMap<>();
            counts.forEach((what, n) -> sorted.put(what, n.get()));
            return sorted;
        }
    }

    /**
     * Baseline and subject alternating for {@value #ROUNDS} rounds (which goes first alternates
     * too: the server keeps warming up, favouring whatever runs later); prints and returns the
     * median of the rounds' ratios.
     */
    static double compare(String baselineName, Measure baseline, String subjectName, Measure subject, String ratioName,
                          String goal) throws Exception {
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.println("round " + round + ": " + (round % 2 == 1 ? baselineName + ", then " + subjectName
                    : subjectName + ", then " + baselineName));
            Result base;
            Result measured;
            if (round % 2 == 1) {
                base = baseline.run();
                measured = subject.run();
            } else {
                measured = subject.run();
                base = baseline.run();
            }
            ratios.add(100.0 * measured.perSecond() / base.perSecond());
        }
        Collections.sort(ratios);
        double median = ratios.get(ratios.size() / 2);
        System.out.printf("throughput ratio %s: median %.0f%% of rounds %s (%s)%n", ratioName, median,
                ratios.stream().map(r -> String.format("%.0f%%", r)).toList(), goal);
        return median;
    }

    interface Measure {
        Result run() throws Exception;
    }

    static Result closedLoop(String name, Supplier<HttpRequest> next, int seconds) throws Exception {
        Instant end = Instant.now().plusSeconds(seconds);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Errors errors = new Errors();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < WORKERS; i++) {
            Thread worker = new Thread(() -> {
                while (Instant.now().isBefore(end)) {
                    long t0 = System.nanoTime();
                    String failure = exchange(next.get());
                    if (failure != null) {
                        errors.count(failure);
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return report(name, new ArrayList<>(latencies), (System.nanoTime() - started) / 1e9, errors.snapshot());
    }

    /** Open loop at {@value #RATE}/s; the ids the server acknowledged go to {@code acknowledged} unless null. */
    static Result openLoop(String name, Supplier<HttpRequest> next, List<String> acknowledged) throws Exception {
        int total = RATE * SECONDS;
        long interval = 1_000_000_000L / RATE;
        long start = System.nanoTime() + 100_000_000L;
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        Errors errors = new Errors();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            pending.add(HTTP.sendAsync(next.get(), HttpResponse.BodyHandlers.ofString()).handle((response, failed) -> {
                long latency = System.nanoTime() - due;
                if (failed != null) {
                    errors.count(failure(failed));
                } else if (response.statusCode() / 100 != 2) {
                    errors.count(Integer.toString(response.statusCode()));
                } else if (acknowledged != null) {
                    ids.add(JsonParser.parseString(response.body()).getAsJsonObject().get("id").getAsString());
                }
                return latency;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (CompletableFuture<Long> each : pending) {
            latencies.add(each.get());
        }
        if (acknowledged != null) {
            acknowledged.addAll(ids);
        }
        return report(name, latencies, (System.nanoTime() - start) / 1e9, errors.snapshot());
    }

    static Result report(String name, List<Long> latencies, double seconds, Map<String, Integer> errors) {
        Collections.sort(latencies);
        Result result = new Result(latencies.size() / seconds, percentile(latencies, 50), percentile(latencies, 99), errors);
        int total = errors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%-50s %8.0f req/s   p50 %6.1f ms   p99 %6.1f ms   errors %d%s%n", name, result.perSecond(),
                result.p50(), result.p99(), total, errors.isEmpty() ? "" : " " + errors);
        return result;
    }

    static double percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    static HttpRequest webhook(URI base, String secret, byte[] body) {
        return HttpRequest.newBuilder(base.resolve("api/billing/webhook")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeSignatures.header(body, Instant.now(), secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Customer {@code customer}'s ids in run {@code run}: every example id with a suffix of its own. */
    static UnaryOperator<String> ids(String run, Object customer) {
        String suffix = run + "c" + customer;
        return id -> id + suffix;
    }

    static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 599;
        }
    }

    /** Null for a 2xx; else the status, or what failed the exchange. */
    static String exchange(HttpRequest request) {
        try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : Integer.toString(status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return failure(e);
        }
    }

    /** A failed exchange by kind: {@code timeout}, or the I/O failure's class and message (a reset, a closed connection). */
    static String failure(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "timeout";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    static void check(int status, String what) {
        if (status != 200) {
            throw new IllegalStateException(what + " answered " + status + ": is Portico running with this secret and key?");
        }
    }
}
