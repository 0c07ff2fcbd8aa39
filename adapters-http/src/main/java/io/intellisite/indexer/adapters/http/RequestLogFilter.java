package io.intellisite.indexer.adapters.http;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One structured (JSON) log line per request and a latency histogram per method and status class (buckets, so
 * that instances add up; percentiles computed in one process could not be combined). The path is
 * logged without its query string, which may carry a token ({@code access_token} on /alerts).
 */
final class RequestLogFilter implements Filter {
    private static final System.Logger LOG = System.getLogger("intellisite.access");
    private final MeterRegistry registry;

    RequestLogFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - start;
            int status = res.status().code();
            String method = req.prologue().method().text();
            registry.getOrCreate(Timer.builder("http.server.requests").publishPercentileHistogram(true).percentiles(new double[0]).tags(List.of(Tag.create("method", method), Tag.create("status", status / 100 + "xx"))))
                    .record(Duration.ofNanos(nanos));
            if (LOG.isLoggable(Level.INFO)) {
                LOG.log(Level.INFO, "{\"ts\":\"" + Instant.now() + "\",\"method\":\"" + method + "\",\"path\":"
                        + quoted(req.prologue().uriPath().path()) + ",\"status\":" + status + ",\"ms\":" + nanos / 100_000 / 10.0 + "}");
            }
        }
    }

    private static String quoted(String s) {
        try {
            return HttpJson.MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            return "\"?\"";
        }
    }
}
