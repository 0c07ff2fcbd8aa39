package io.intellisite.indexer.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /metrics}: the instance's registry in the format the scraper asks for (Prometheus text by default,
 * OpenMetrics or protobuf on request), written by the Prometheus client's own writers.
 * <p>
 * Hand-written in place of Helidon's MetricsObserver because that observer serves Helidon's registry, whose wrapper
 * (4.2.6, {@code MMeterRegistry}) registers into Micrometer while holding its own lock and takes that lock again from
 * Micrometer's listener, under Micrometer's lock: a meter registered through Micrometer (the JVM's GC binder on a GC,
 * the Kafka binders' refresh, Hikari) at the same moment as one through Helidon (a request's timer, a server's gauges)
 * deadlocks both threads. That hung a start in CI, and two threads doing just that deadlock within 2 s. Drop this
 * class for Helidon's observer once a Helidon release no longer calls Micrometer under its lock (4.2.6 and 4.5.0 do).
 */
final class MetricsHttpService implements HttpService {
    private static final ExpositionFormats FORMATS = ExpositionFormats.init();
    private final PrometheusMeterRegistry registry;

    MetricsHttpService(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::scrape);
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("");
        ExpositionFormatWriter writer = FORMATS.findWriter(accept);
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        try {
            registry.scrape(body, writer.getContentType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.header(HeaderNames.CONTENT_TYPE, writer.getContentType());
        res.send(body.toByteArray());
    }
}
