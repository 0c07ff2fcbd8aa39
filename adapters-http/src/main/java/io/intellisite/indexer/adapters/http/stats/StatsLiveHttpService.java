package io.intellisite.indexer.adapters.http.stats;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.http.security.BearerAuthentication;
import io.intellisite.indexer.adapters.http.sse.EventStream;
import io.intellisite.indexer.adapters.http.sse.SseWriter;
import io.intellisite.indexer.application.model.BucketEvent;
import io.intellisite.indexer.application.model.BucketSubscription;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.detection.WatchBucketsUseCase;
import io.intellisite.indexer.domain.detection.StatsDimension;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /stats/live}: Server-Sent Events with the same authentication, limits and resume as {@code /alerts}
 * ({@link EventStream}). Each minute, once closed, is {@code event: bucket}, {@code id: <the minute's start>},
 * {@code data: {"start", "end", "interval": "minute", "by", "data": [{"make", "count"}], "size"}}.
 */
public final class StatsLiveHttpService {
    private final BearerAuthentication bearer;
    private final WatchBucketsUseCase watch;
    private final EventStream events;

    public StatsLiveHttpService(BearerAuthentication bearer, WatchBucketsUseCase watch, EventStream events) {
        this.bearer = bearer;
        this.watch = watch;
        this.events = events;
    }

    void stream(ServerRequest req, ServerResponse res) {
        Principal actor = bearer.requireAllowingQueryToken(req);
        Optional<String> resume = EventStream.resumeId(req);
        StatsDimension by = StatsHttpService.dimension(req);
        events.serve(res, actor, "statistics", resume, () -> {
            BucketSubscription subscription = watch.watch(actor, by, resume);
            return new EventStream.Source() {
                @Override
                public Optional<EventStream.Frame> next(Duration timeout) throws InterruptedException {
                    return subscription.next(timeout).map(b -> new EventStream.Frame(b.id(), SseWriter.frame("bucket", b.id(), json(b))));
                }

                @Override
                public void close() {
                    subscription.close();
                }
            };
        });
    }

    private static String json(BucketEvent bucket) {
        List<Map<String, Object>> data = bucket.counts().stream()
                .map(c -> StatsHttpService.row(null, bucket.by().wireName(), c.value(), c.count())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", bucket.start().toString());
        body.put("end", bucket.end().toString());
        body.put("interval", "minute");
        body.put("by", bucket.by().wireName());
        body.put("data", data);
        body.put("size", data.size());
        try {
            return HttpJson.MAPPER.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
