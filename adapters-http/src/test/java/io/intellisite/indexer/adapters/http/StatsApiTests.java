package io.intellisite.indexer.adapters.http;

import static io.intellisite.indexer.adapters.http.ApiAssertions.assertSafeError;
import static io.intellisite.indexer.adapters.http.ApiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.application.contract.Fixtures;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.StatsDimension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The time series and top-N of /stats over a real socket, against a GROUP BY of what was stored; subclasses choose the repositories. */
public abstract class StatsApiTests extends HttpApiContract {
    private static final String[] MAKES = {"Toyota", "Ford", "Audi", "audi", "Kia"};
    private static final String[] CATEGORIES = {"SUV", "Sedan", "SUV, Wagon", "Pickup"};
    private static final Instant DAY = Instant.parse("2026-01-01T00:00:00Z");

    protected StatsApiTests() {
    }

    protected StatsApiTests(Supplier<UserRepository> emptyUsers, Supplier<DetectionRepository> emptyDetections) {
        super(emptyUsers, emptyDetections);
    }

    /** {@code n} detections at random times from {@code start} over {@code seconds}, stored out of time order. */
    private List<IndexedDetection> store(int n, Instant start, long seconds, long firstOffset) {
        Random random = new Random(n + firstOffset);
        List<IndexedDetection> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = start.plusMillis((long) (random.nextDouble() * seconds * 1000));
            all.add(Fixtures.detectionAt(0, firstOffset + i, t, MAKES[random.nextInt(MAKES.length)], CATEGORIES[random.nextInt(CATEGORIES.length)]));
        }
        for (int from = 0; from < n; from += 700) {
            detections.store(all.subList(from, Math.min(n, from + 700)));
        }
        return all;
    }

    /** What a GROUP BY date_trunc over the rows gives, as "start value" → count. */
    private static Map<String, Long> groupBy(List<IndexedDetection> all, BucketSize size, StatsDimension by, Instant from, Instant to) {
        Map<String, Long> out = new TreeMap<>();
        all.stream().filter(d -> !d.detectedAt().isBefore(from) && d.detectedAt().isBefore(to))
                .forEach(d -> by.valuesOf(d.detection()).forEach(v -> out.merge(size.floor(d.detectedAt()) + " " + v, 1L, Long::sum)));
        return out;
    }

    private static Map<String, Long> series(JsonNode answer, String by) {
        Map<String, Long> out = new LinkedHashMap<>();
        answer.get("data").forEach(row -> out.put(row.get("start").asText() + " " + row.get(by).asText(), row.get("count").asLong()));
        assertEquals(out.size(), answer.get("size").asInt());
        return out;
    }

    @Test
    void countsPerMinuteHourAndDayEqualAGroupByOfWhatWasStored() {
        List<IndexedDetection> all = store(3_000, DAY.plusSeconds(1_800), 2 * 86_400, 0);
        String token = adminToken();
        JsonNode minutes = json(get("/stats?interval=minute&from=2026-01-01T00:30:10Z&to=2026-01-01T02:00:00Z", token));
        assertEquals("2026-01-01T00:30:00Z", minutes.get("from").asText(), "widened to whole buckets");
        assertEquals(groupBy(all, BucketSize.MINUTE, StatsDimension.MAKE, Instant.parse("2026-01-01T00:30:00Z"), Instant.parse("2026-01-01T02:00:00Z")),
                new TreeMap<>(series(minutes, "make")));
        JsonNode hours = json(get("/stats?interval=hour&by=category&from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z", token));
        assertEquals(groupBy(all, BucketSize.HOUR, StatsDimension.CATEGORY, DAY, Instant.parse("2026-01-03T00:00:00Z")),
                new TreeMap<>(series(hours, "category")));
        JsonNode days = json(get("/stats?interval=day&from=2025-12-31T00:00:00Z&to=2026-01-04T00:00:00Z", token));
        Map<String, Long> perDay = series(days, "make");
        assertEquals(groupBy(all, BucketSize.DAY, StatsDimension.MAKE, DAY.minus(1, ChronoUnit.DAYS), DAY.plus(3, ChronoUnit.DAYS)), new TreeMap<>(perDay));
        assertEquals(3_000L, perDay.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(List.copyOf(new TreeMap<>(perDay).keySet()).stream().map(k -> k.substring(0, 20)).toList(),
                perDay.keySet().stream().map(k -> k.substring(0, 20)).toList(), "sorted by start");
    }

    @Test
    void topCountsTheLastWindowMostFirst() {
        Instant now = Instant.now();
        List<IndexedDetection> recent = store(500, now.minusSeconds(240), 200, 0);
        store(300, now.minusSeconds(3 * 3_600), 600, 10_000); // long before the window
        JsonNode top = json(get("/stats/top?window=PT10M&by=make&n=3", adminToken()));
        Map<String, Long> expected = new TreeMap<>();
        recent.forEach(d -> expected.merge(d.detection().make(), 1L, Long::sum));
        List<Map.Entry<String, Long>> ranked = expected.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).limit(3).toList();
        Map<String, Long> actual = new LinkedHashMap<>();
        top.get("data").forEach(row -> actual.put(row.get("make").asText(), row.get("count").asLong()));
        assertEquals(ranked.stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
                actual.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertEquals("PT10M", top.get("window").asText());
    }

    /**
     * Issue 23, point 4: /stats/live replays the closed minutes after its resume id, each once, in order, empty ones
     * included, with the counts GET /stats gives; a resume from one of its ids goes on right after it.
     */
    @Test
    void theLiveStreamReplaysClosedMinutesAfterItsResumeIdEachOnce() throws Exception {
        Instant current = BucketSize.MINUTE.floor(Instant.now());
        Instant first = current.minusSeconds(10 * 60);
        List<IndexedDetection> all = store(400, first, 6 * 60, 0); // minutes first .. first+5; then four quiet ones
        String token = adminToken();
        Map<String, Long> expected = groupBy(all, BucketSize.MINUTE, StatsDimension.MAKE, first, current);
        Map<String, Long> streamed = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        try (SseTestClient live = new SseTestClient(uri("/stats/live?access_token=" + token + "&since=" + first.minusSeconds(60)), Map.of())) {
            assertEquals(200, live.status());
            for (SseTestClient.Event e : live.take("bucket", 10, Duration.ofSeconds(20))) {
                JsonNode bucket = HttpJson.MAPPER.readTree(e.data());
                assertEquals(e.id(), bucket.get("start").asText());
                ids.add(e.id());
                bucket.get("data").forEach(row -> streamed.put(e.id() + " " + row.get("make").asText(), row.get("count").asLong()));
            }
        }
        assertEquals(expected, streamed);
        assertEquals(java.util.stream.IntStream.range(0, 10).mapToObj(i -> first.plusSeconds(60L * i).toString()).toList(), ids,
                "every closed minute once, in order");
        try (SseTestClient resumed = new SseTestClient(uri("/stats/live?by=category"), Map.of("Authorization", "Bearer " + token,
                "Last-Event-ID", ids.get(7)))) {
            assertEquals(ids.get(8), resumed.take("bucket", 1, Duration.ofSeconds(20)).getFirst().id());
        }
        assertSafeError(get("/stats/live", null), 401);
        assertSafeError(get("/stats/live?since=yesterday", token), 422);
    }

    @Test
    void badParametersAreAnsweredWithWhatIsWrong() {
        String token = adminToken();
        assertSafeError(get("/stats?interval=minute", null), 401);
        assertSafeError(get("/stats/top", null), 401);
        for (String bad : List.of("/stats?interval=week", "/stats?interval=minute&by=model", "/stats?by=category",
                "/stats?from=2026-01-01T00:00:00Z", "/stats?interval=hour&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                "/stats?interval=minute&from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z", "/stats?interval=day&from=yesterday",
                "/stats/top?window=PT30S", "/stats/top?window=P2D", "/stats/top?window=banana", "/stats/top?n=0", "/stats/top?n=101",
                "/stats/top?by=year")) {
            assertSafeError(get(bad, token), 422);
        }
    }
}
