package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} in the Prometheus text format: the figures the running parts give, read when asked. */
class MetricsEndpointTest extends HttpApiContract {
    private static final Pattern INDEXED = Pattern.compile("(?m)^intellisite_detections_indexed(?:\\{[^}]*})? ([0-9.E+-]+)$");
    private static final Pattern SEEN = Pattern.compile("(?m)^intellisite_test_seen_total(?:\\{[^}]*})? ([0-9.E+-]+)$");
    private AtomicLong indexed = new AtomicLong(42);

    @Override
    protected List<MetricGauge> gauges() {
        AtomicLong figure = indexed;
        return List.of(new MetricGauge("intellisite.detections.indexed", "detections newly stored by this instance", figure::get),
                MetricGauge.total("intellisite.test.seen", "a running total", figure::get));
    }

    /**
     * Micrometer holds what a meter reads only weakly: once nothing else held the figures' suppliers, a collection
     * emptied them, and a running instance reported 0 detections indexed where its health said 259.
     */
    @Test
    void theFiguresAreStillReadAfterAGarbageCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(42, indexed());
        assertEquals(42, total());
    }

    @Test
    void aGaugeShowsTheFigureItReadsWhenAsked() {
        assertEquals(42, indexed(), "as started");
        indexed.set(1_234);
        assertEquals(1_234, indexed(), "read again, not cached");
    }

    /**
     * The instance's registry outlives its server: a server started again on it reports its own parts, not those of
     * the one it replaces (a registry keeps the first meter of a name, so the closed server must take its own away).
     */
    @Test
    void aServerStartedAgainOnTheSameRegistryReportsItsOwnFigures() {
        assertEquals(42, indexed());
        stopServer();
        indexed = new AtomicLong(7);
        startServer();
        assertEquals(7, indexed(), "the new server's figure, not the closed one's");
        assertEquals(7, total());
    }

    @Test
    void requestsAreTimedByMethodAndStatusClass() {
        assertEquals(401, get("/stats", null).statusCode());
        String metrics = get("/metrics", null).body();
        assertTrue(metrics.matches("(?s).*\nhttp_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"4xx\"[^}]*} [1-9].*"),
                metrics);
    }

    /** Issue 21: latency as histogram buckets (instances add up), logins counted by outcome, running totals as counters. */
    @Test
    void latencyIsAHistogramLoginsAreCountedAndTotalsAreCounters() {
        String before = get("/metrics", null).body();
        assertEquals(401, login("admin", "wrong").statusCode());
        assertEquals(200, login("admin", ADMIN_PASSWORD).statusCode());
        String metrics = get("/metrics", null).body();
        assertEquals(logins(before, "failure") + 1, logins(metrics, "failure"), metrics);
        assertEquals(logins(before, "success") + 1, logins(metrics, "success"));
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{"), "buckets, not percentiles computed here");
        assertTrue(!metrics.contains("http_server_requests_seconds{") || !metrics.contains("quantile=\""), "no client-side quantiles");
    }

    private static double logins(String metrics, String result) {
        return metric(metrics, "intellisite_logins_total", "result", result);
    }

    @Test
    void aScraperAskingForOpenMetricsGetsThem() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/metrics")).header("Accept", "application/openmetrics-text"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"),
                response.headers().toString());
        assertTrue(response.body().endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
        HttpResponse<String> plain = get("/metrics", null);
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                plain.headers().toString());
    }

    /**
     * Micrometer's binders register on the instance's registry from their own threads (the GC binder on each GC, the
     * Kafka binders' refresh) while the server registers its meters and times requests: with Helidon's registry in
     * between, the two took two locks in opposite orders and a start hung in CI. Here one thread registers and removes
     * meters straight on the registry while the server is started again and again and answers; against Helidon's
     * registry the same two threads deadlock within 2 s.
     */
    @Test
    void metersRegisteredFromAnotherThreadNeverBlockTheServer() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread binder = Thread.ofPlatform().daemon().name("binder-like").start(() -> {
            for (int i = 0; !done.get(); i++) {
                registry.remove(registry.counter("intellisite.test.other", "n", Integer.toString(i % 1_000)));
            }
        });
        CompletableFuture<Void> restarts = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) {
                stopServer();
                startServer();
                assertEquals(401, login("admin", "wrong").statusCode());
                assertEquals(200, get("/metrics", null).statusCode());
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!restarts.isDone() && System.nanoTime() < deadline) {
                long[] stuck = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
                if (stuck != null) {
                    throw new AssertionError("deadlocked: " + Arrays.toString(ManagementFactory.getThreadMXBean().getThreadInfo(stuck, true, true)));
                }
                Thread.sleep(100);
            }
            restarts.get(1, TimeUnit.SECONDS);
        } finally {
            done.set(true);
        }
        binder.join(10_000);
        assertEquals(42, indexed());
    }

    private long total() {
        Matcher m = SEEN.matcher(get("/metrics", null).body());
        assertTrue(m.find());
        return (long) Double.parseDouble(m.group(1));
    }

    private long indexed() {
        HttpResponse<String> response = get("/metrics", null);
        assertEquals(200, response.statusCode(), response.body());
        Matcher m = INDEXED.matcher(response.body());
        assertTrue(m.find(), response.body());
        return (long) Double.parseDouble(m.group(1));
    }
}
