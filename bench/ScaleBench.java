import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale benchmark's load (bench/scale.sh builds and runs it beside DevToken): distinct
 * workspaces in steps up to 200,000, each making one guarded read (GET /api/workspaces/{id}/notes)
 * and one billing status read (GET /api/billing/subscription) with a token of its own, signed
 * with the development key. After each step: the server's heap used after a full GC (jcmd on its
 * pid) and the p99 of each endpoint over the step's workspaces. The first {@value #WARM_UP}
 * workspaces warm the server up (the JIT, the pools) and are not timed: the 25k step's p99 is
 * that of its last 5,000.
 *
 * <pre>java -cp classes ScaleBench http://127.0.0.1:8080/ server-pid</pre>
 */
public class ScaleBench {

    static final int[] STEPS = {25_000, 50_000, 100_000, 200_000};
    static final int WARM_UP = 20_000;
    static final int WORKERS = 4;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    record Step(int workspaces, long heapKb, double guardedP99, double statusP99, int errors) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String pid = args[1];
        PrivateKey key = DevToken.keyIn(Path.of(System.getProperty("user.home"), ".portico", "dev-jwt"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("%-12s %14s %18s %18s %8s%n", "workspaces", "heap after GC", "guarded read p99", "status p99", "errors");
        List<Step> steps = new ArrayList<>();
        int from = 0;
        for (int upTo : STEPS) {
            steps.add(step(base, pid, key, run, from, upTo));
            Step last = steps.get(steps.size() - 1);
            System.out.printf("%-12d %11.1f MB %15.1f ms %15.1f ms %8d%n", upTo, last.heapKb() / 1024.0, last.guardedP99(),
                    last.statusP99(), last.errors());
            from = upTo;
        }
        Step first = steps.get(0);
        Step last = steps.get(steps.size() - 1);
        System.out.printf("p99 200k vs 25k: guarded read %+.0f%%, status %+.0f%% (target: within 20%%)%n",
                change(first.guardedP99(), last.guardedP99()), change(first.statusP99(), last.statusP99()));
        System.out.printf("heap growth 25k->200k: %.0f%%%n", change(first.heapKb(), last.heapKb()));
    }

    /** Workspaces {@code from} (inclusive) to {@code upTo}, spread over the workers; then the heap. */
    static Step step(URI base, String pid, PrivateKey key, String run, int from, int upTo) throws Exception {
        List<Long> guarded = Collections.synchronizedList(new ArrayList<>());
        List<Long> status = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger errors = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            done.add(workers.submit(() -> {
                for (int n = next.getAndIncrement(); n < upTo; n = next.getAndIncrement()) {
                    String workspace = "ws-scale-" + run + "-" + n;
                    String token = token(key, workspace);
                    long guardedNanos = timed(base.resolve("api/workspaces/" + workspace + "/notes"), token, errors);
                    long statusNanos = timed(base.resolve("api/billing/subscription"), token, errors);
                    if (n >= WARM_UP) {
                        guarded.add(guardedNanos);
                        status.add(statusNanos);
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        workers.shutdown();
        return new Step(upTo, heapAfterGc(pid), p99(guarded), p99(status), errors.get());
    }

    static long timed(URI uri, String token, AtomicInteger errors) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
        long started = System.nanoTime();
        try {
            if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
        return System.nanoTime() - started;
    }

    /** The server's heap used after two full collections, in KB (jcmd's GC.heap_info). */
    static long heapAfterGc(String pid) throws Exception {
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said no heap figure");
        }
        return Long.parseLong(used.group(1));
    }

    static String jcmd(String pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    /** A member's token for {@code workspace}, valid for an hour. */
    static String token(PrivateKey key, String workspace) {
        long now = Instant.now().getEpochSecond();
        String claims = String.format("{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"%s\",\"groups\":[\"member\"],"
                + "\"workspace_id\":\"%s\",\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}", DevToken.ISSUER, DevToken.AUDIENCE,
                "member@" + workspace, workspace, now, now + 3600, workspace);
        String signingInput = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static double p99(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) / 1e6;
    }

    static double change(double from, double to) {
        return from == 0 ? 0 : 100 * (to - from) / from;
    }
}
