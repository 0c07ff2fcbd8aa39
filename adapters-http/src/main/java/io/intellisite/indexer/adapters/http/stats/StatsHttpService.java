package io.intellisite.indexer.adapters.http.stats;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.http.security.BearerAuthentication;
import io.intellisite.indexer.application.model.TimeSeries;
import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.application.model.TopCounts;
import io.intellisite.indexer.application.model.TopQuery;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.detection.GetStatsUseCase;
import io.intellisite.indexer.application.port.in.detection.GetTimeSeriesUseCase;
import io.intellisite.indexer.application.port.in.detection.GetTopUseCase;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.domain.detection.StatsDimension;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /stats}: detections per make, all time, from the counts the pipeline keeps; with {@code interval}, per
 * minute, hour or day and per make or category, from the per-bucket counts kept beside them. {@code GET /stats/top}:
 * the makes or categories most seen in the last minutes. {@code GET /stats/live}: each minute as it closes
 * ({@link StatsLiveHttpService}).
 */
public final class StatsHttpService implements HttpService {
    private final BearerAuthentication bearer;
    private final GetStatsUseCase stats;
    private final GetTimeSeriesUseCase timeSeries;
    private final GetTopUseCase top;
    private final StatsLiveHttpService live;

    public StatsHttpService(BearerAuthentication bearer, GetStatsUseCase stats, GetTimeSeriesUseCase timeSeries, GetTopUseCase top,
                     StatsLiveHttpService live) {
        this.bearer = bearer;
        this.stats = stats;
        this.timeSeries = timeSeries;
        this.top = top;
        this.live = live;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::stats).get("/top", this::top).get("/live", live::stream);
    }

    private void stats(ServerRequest req, ServerResponse res) {
        Principal actor = bearer.require(req);
        Optional<String> interval = HttpJson.query(req, "interval");
        StatsDimension by = dimension(req);
        if (interval.isEmpty()) {
            if (by != StatsDimension.MAKE || HttpJson.query(req, "from").isPresent() || HttpJson.query(req, "to").isPresent()) {
                throw new InvalidValueException("from, to and by=category need an interval: minute, hour or day");
            }
            send(res, stats.countsByMake(actor).stream().map(c -> row(null, "make", c.make(), c.count())).toList(), Map.of());
            return;
        }
        TimeSeries series = timeSeries.countsPerBucket(actor,
                new TimeSeriesQuery(BucketSize.parse(interval.get(), "interval"), by, HttpJson.instantQuery(req, "from"), HttpJson.instantQuery(req, "to")));
        TimeSeriesQuery.Range range = series.range();
        send(res, series.counts().stream().map(c -> row(c.start(), by.wireName(), c.value(), c.count())).toList(),
                Map.of("interval", range.size().wireName(), "by", by.wireName(), "from", range.from().toString(), "to", range.to().toString()));
    }

    private void top(ServerRequest req, ServerResponse res) {
        Principal actor = bearer.require(req);
        StatsDimension by = dimension(req);
        Duration window;
        try {
            window = HttpJson.query(req, "window").map(Duration::parse).orElse(Duration.ofMinutes(15));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("window must be an ISO-8601 duration, e.g. PT15M");
        }
        TopCounts counts = top.top(actor, new TopQuery(window, by, HttpJson.intQuery(req, "n", 10)));
        send(res, counts.counts().stream().map(c -> row(null, by.wireName(), c.value(), c.count())).toList(),
                Map.of("window", window.toString(), "by", by.wireName(), "from", counts.from().toString()));
    }

    static StatsDimension dimension(ServerRequest req) {
        return HttpJson.query(req, "by").map(b -> StatsDimension.parse(b, "by")).orElse(StatsDimension.MAKE);
    }

    /** One count of an answer or a live bucket: {@code {"start"?, "<make|category>", "count"}}. */
    static Map<String, Object> row(Instant start, String dimension, String value, long count) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (start != null) {
            row.put("start", start.toString());
        }
        row.put(dimension, value);
        row.put("count", count);
        return row;
    }

    private static void send(ServerResponse res, List<Map<String, Object>> data, Map<String, String> about) {
        Map<String, Object> body = new LinkedHashMap<>(new TreeMap<>(about));
        body.put("data", data);
        body.put("size", data.size());
        HttpJson.send(res, Status.OK_200, body);
    }

}
