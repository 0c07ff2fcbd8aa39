package io.intellisite.indexer.adapters.http;

import static io.intellisite.indexer.adapters.http.ApiAssertions.assertSafeError;
import static io.intellisite.indexer.adapters.http.ApiAssertions.json;
import static io.intellisite.indexer.application.contract.Fixtures.detection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** /detections and /stats over a real socket; subclasses choose the repositories. */
public abstract class DetectionsApiTests extends HttpApiContract {
    protected DetectionsApiTests() {
    }

    protected DetectionsApiTests(Supplier<UserRepository> emptyUsers, Supplier<DetectionRepository> emptyDetections) {
        super(emptyUsers, emptyDetections);
    }

    private static final String[] MAKES = {"Toyota", "Ford", "Audi", "BMW", "Kia", "Mercedes-Benz", "audi"};

    private List<IndexedDetection> store(int count) {
        List<IndexedDetection> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(detection(i % 6, i, MAKES[(i * 7 + i / 3) % MAKES.length], i % 5 == 0 ? "SUV, Wagon" : "Sedan"));
        }
        for (int from = 0; from < count; from += 2_500) {
            detections.store(all.subList(from, Math.min(count, from + 2_500)));
        }
        return all;
    }

    @Test
    void everyEndpointNeedsAToken() {
        assertSafeError(get("/detections", null), 401);
        assertSafeError(get("/stats", null), 401);
    }

    @Test
    void anEmptyHistoryHasAnEmptyPageAndNoStats() {
        String token = adminToken();
        JsonNode page = json(get("/detections", token));
        assertEquals(0, page.get("size").asInt());
        assertTrue(page.get("next").isNull());
        JsonNode stats = json(get("/stats", token));
        assertEquals(0, stats.get("size").asInt());
    }

    @Test
    void theCursorWalksTenThousandRowsInIngestionOrderWithNoGapOrDuplicate() {
        List<IndexedDetection> all = store(10_000);
        String token = adminToken();
        List<String> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = json(get("/detections?limit=1000" + (next == null ? "" : "&after=" + next), token));
            page.get("data").forEach(d -> ids.add(d.get("id").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null && pages < 20);
        assertEquals(all.stream().map(d -> d.id().toString()).toList(), ids);
        JsonNode last = json(get("/detections?skip=9990&limit=100", token));
        assertEquals(10, last.get("size").asInt());
        assertTrue(last.get("next").isNull());
        assertEquals(all.get(9999).id().toString(), last.get("data").get(9).get("id").asText());
        JsonNode first = json(get("/detections?limit=1", token)).get("data").get(0);
        assertEquals(2011, first.get("Year").asInt());
        assertEquals(all.getFirst().detection().make(), first.get("Make").asText());
        assertEquals(all.getFirst().detectedAt().toString(), first.get("detectedAt").asText());
    }

    @Test
    void statsEqualAGroupByOfWhatWasStored() {
        List<IndexedDetection> all = store(3_000);
        Map<String, Long> expected = new TreeMap<>();
        all.forEach(d -> expected.merge(d.detection().make(), 1L, Long::sum));
        JsonNode stats = json(get("/stats", adminToken()));
        Map<String, Long> actual = new TreeMap<>();
        List<String> order = new ArrayList<>();
        stats.get("data").forEach(row -> {
            actual.put(row.get("make").asText(), row.get("count").asLong());
            order.add(row.get("make").asText());
        });
        assertEquals(expected, actual);
        assertEquals(List.copyOf(expected.keySet()), order, "sorted by make");
        assertEquals(expected.size(), stats.get("size").asInt());
    }

    @Test
    void filtersAndBadParametersAreAnswered() {
        store(100);
        String token = adminToken();
        JsonNode wagons = json(get("/detections?category=wagon&limit=1000", token));
        assertEquals(20, wagons.get("size").asInt());
        JsonNode toyotaWagons = json(get("/detections?category=WAGON&make=toyota&limit=1000", token));
        toyotaWagons.get("data").forEach(d -> assertEquals("Toyota", d.get("Make").asText()));
        assertSafeError(get("/detections?limit=0", token), 422);
        assertSafeError(get("/detections?limit=1001", token), 422);
        assertSafeError(get("/detections?skip=-1", token), 422);
        // Issue 19, point 8: a deep skip costs every row before it; past 10,000 the cursor is the way on.
        assertSafeError(get("/detections?skip=10001", token), 422);
        assertSafeError(get("/detections?after=not-a-cursor", token), 422);
        assertSafeError(get("/detections?from=yesterday", token), 422);
        assertSafeError(get("/detections?from=-999999999-01-01T00:00:00Z", token), 422);
        assertSafeError(get("/detections?to=%2B999999999-12-31T23:59:59Z", token), 422);
        // Colons left unencoded, as curl and browsers send them (RFC 3986 allows them in a query).
        HttpResponse<String> window = get("/detections?from=2026-01-01T00:00:10Z&to=2026-01-01T00:00:20Z&limit=1000", token);
        assertEquals(200, window.statusCode(), window.body());
        assertEquals(10, json(window).get("size").asInt());
        var injection = get("/detections?make=%27%3B%20drop%20table%20detections%3B--", token);
        assertEquals(200, injection.statusCode());
        assertEquals(0, json(injection).get("size").asInt());
        assertEquals(100, json(get("/detections?limit=1000", token)).get("size").asInt());
        assertSafeError(get("/detections?order=newest", token), 422);
    }

    @Test
    void newestFirstPagesGoOnToOlderOnes() {
        List<IndexedDetection> all = store(250);
        String token = adminToken();
        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = json(get("/detections?order=desc&limit=100" + (next == null ? "" : "&after=" + next), token));
            page.get("data").forEach(d -> ids.add(d.get("id").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null && ids.size() < 1_000);
        assertEquals(all.reversed().stream().map(d -> d.id().toString()).toList(), ids);
    }
}
