package io.intellisite.indexer.adapters.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One access log line per request, its fields as key-value pairs (JSON fields with LOG_FORMAT=json), and a latency
 * histogram per method and status class (buckets, so that instances add up; percentiles computed in one process could
 * not be combined). Every line logged while the request is handled carries its id ({@code requestId} in the MDC): the
 * caller's {@code X-Request-Id} when it is a plain token, a new one otherwise, echoed in the answer. The path is logged
 * without its query string, which may carry a token ({@code access_token} on /alerts).
 */
final class RequestLogFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger("intellisite.access");
    private static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final MeterRegistry registry;

    RequestLogFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String id = req.headers().first(REQUEST_ID).filter(given -> PLAIN_ID.matcher(given).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        res.header(REQUEST_ID, id);
        MDC.put("requestId", id);
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - start;
            int status = res.status().code();
            String method = req.prologue().method().text();
            Timer.builder("http.server.requests").publishPercentileHistogram(true)
                    .tags("method", method, "status", status / 100 + "xx").register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
            LOG.atInfo().addKeyValue("method", method).addKeyValue("path", req.prologue().uriPath().path())
                    .addKeyValue("status", status).addKeyValue("ms", nanos / 100_000 / 10.0).log("request");
            MDC.remove("requestId");
        }
    }
}
