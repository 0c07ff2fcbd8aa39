package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} in the Prometheus text format: the figures the running parts give, read when asked. */
class MetricsEndpointTest extends HttpApiContract {
    private static final Pattern INDEXED = Pattern.compile("(?m)^intellisite_detections_indexed(?:\\{[^}]*})? ([0-9.E+-]+)$");
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
        assertEquals(42, metric(get("/metrics", null).body(), "intellisite_test_seen_total", "scope", "application"));
    }

    @Test
    void aGaugeShowsTheFigureItReadsWhenAsked() {
        assertEquals(42, indexed(), "as started");
        indexed.set(1_234);
        assertEquals(1_234, indexed(), "read again, not cached");
    }

    /** The meter registry is global to the JVM: a server started after another one closed reports its own parts. */
    @Test
    void aServerStartedAfterAnotherReportsItsOwnFigures() {
        assertEquals(42, indexed());
        stopServer();
        indexed = new AtomicLong(7);
        startServer();
        assertEquals(7, indexed(), "the new server's figure, not the closed one's");
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
    void aServerClosingLeavesTheGaugesOfOneStartedAfterIt() {
        IndexerHttpServer first = server;
        indexed = new AtomicLong(7);
        startServer();
        first.close();
        assertEquals(7, indexed(), "still there after the first server closed");
    }

    private long indexed() {
        HttpResponse<String> response = get("/metrics", null);
        assertEquals(200, response.statusCode(), response.body());
        Matcher m = INDEXED.matcher(response.body());
        assertTrue(m.find(), response.body());
        return (long) Double.parseDouble(m.group(1));
    }
}
