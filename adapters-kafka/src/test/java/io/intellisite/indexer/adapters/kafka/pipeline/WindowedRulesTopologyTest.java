package io.intellisite.indexer.adapters.kafka.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindows;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Windowed rules as the topology runs them: stream time moved by the detections' own timestamps across window
 * boundaries, late detections within and beyond the grace, and rule changes on the fly. A restart mid-window and two
 * instances need the changelog and a consumer group, which a TopologyTestDriver does not keep (it wipes its state
 * directory when closed): {@code WindowedRulesPipelineTest} runs those on a real broker.
 */
class WindowedRulesTopologyTest extends TopologyTestDriverFixture {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private long offset;

    @BeforeEach
    void threeSuvsOfAMakeWithinAMinute() {
        publish(windowed("suv-bursts", Map.of("count", 3, "within", "PT1M", "groupBy", "make", "grace", "PT10S")));
    }

    private AlertRule windowed(String id, Map<String, Object> window) {
        return new AlertRule(id, id, true, RuleConditions.fromMap(Map.of("category", List.of("SUV"))), RuleWindows.fromMap(window));
    }

    /** A Land Cruiser (or {@code make}'s SUV) seen {@code seconds} after T0; returns its detection id. */
    private String suv(String make, double seconds) {
        input.pipeInput(new TestRecord<>(null, ("{\"Year\": 2011, \"Make\": \"" + make + "\", \"Model\": \"X\", \"Category\": \"SUV\"}")
                .getBytes(StandardCharsets.UTF_8), T0.plusMillis((long) (seconds * 1000))));
        return new SourcePosition(topics.detections(), DETECTIONS_TOPIC_ID, 0, offset++).detectionId().toString();
    }

    /** The windowed alerts written since the last call; the SUV rule's own alerts on each detection are left out. */
    private List<JsonNode> windowAlerts() {
        List<JsonNode> out = new ArrayList<>();
        alerts.readRecordsToList().forEach(r -> {
            JsonNode json = json(r.value());
            if (json.has("window")) {
                out.add(json);
            }
        });
        return out;
    }

    private static List<String> detections(JsonNode alert) {
        List<String> ids = new ArrayList<>();
        alert.get("window").get("detections").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Test
    void theThirdSuvOfAMakeWithinAMinuteRaisesOneAlertNamingItsWindow() {
        String first = suv("Toyota", 0);
        suv("Lada", 10);
        String second = suv("TOYOTA ", 20);
        assertEquals(List.of(), windowAlerts());
        String third = suv("Toyota", 60); // both ends of the window count
        List<JsonNode> raised = windowAlerts();
        assertEquals(1, raised.size());
        JsonNode alert = raised.getFirst();
        assertEquals(List.of(first, second, third), detections(alert));
        assertEquals(List.of("suv-bursts"), List.of(alert.get("rules").get(0).asText()));
        assertEquals(1, alert.get("rules").size());
        JsonNode window = alert.get("window");
        assertEquals(3, window.get("count").asInt());
        assertEquals("PT1M", window.get("within").asText());
        assertEquals("make", window.get("groupBy").asText());
        assertEquals("toyota", window.get("group").asText(), "groups compare ignoring case");
        assertEquals(T0.toString(), window.get("first").asText());
        assertEquals(T0.plusSeconds(60).toString(), window.get("last").asText());
        assertEquals("Toyota", alert.get("Make").asText());
        assertTrue(!alert.get("id").asText().equals(third), "a detection's own alert keeps the detection's id");
    }

    @Test
    void matchesFurtherApartThanTheWindowNeverFireAndTheWindowSlides() {
        suv("Toyota", 0);
        String a = suv("Toyota", 30);
        String b = suv("Toyota", 60.001); // 0 and 60.001 are more than a minute apart
        assertEquals(List.of(), windowAlerts());
        String c = suv("Toyota", 90); // 30 s - 90 s: a minute, both ends included
        assertEquals(List.of(List.of(a, b, c)), windowAlerts().stream().map(WindowedRulesTopologyTest::detections).toList());
    }

    @Test
    void aLateDetectionWithinTheGraceCountsAndOneBeyondItDoesNot() {
        String a = suv("Toyota", 100);
        String b = suv("Toyota", 101);
        suv("Toyota", 90.999); // 10.001 s behind the newest: beyond the grace
        assertEquals(List.of(), windowAlerts());
        assertEquals(1, topology.lateMatchCount());
        String c = suv("Toyota", 91); // exactly the grace behind
        assertEquals(List.of(List.of(c, a, b)), windowAlerts().stream().map(WindowedRulesTopologyTest::detections).toList());
    }

    @Test
    void aBurstRaisesOneAlertPerCountOfNewDetections() {
        for (int i = 0; i < 7; i++) {
            suv("Toyota", i);
        }
        assertEquals(2, windowAlerts().size());
    }

    @Test
    void aRuleChangeAppliesToTheNextDetectionWithoutARestart() {
        suv("Toyota", 0);
        publish(windowed("suv-bursts", Map.of("count", 2, "within", "PT1M", "groupBy", "make")));
        suv("Toyota", 1);
        assertEquals(1, windowAlerts().size(), "two now fill the window");
        suv("Toyota", 2);
        publish(new AlertRule("suv-bursts", "gone", false, RuleConditions.fromMap(Map.of("category", List.of("SUV")))));
        suv("Toyota", 3);
        assertEquals(List.of(), windowAlerts(), "a rule without a window counts nothing");
    }

    @Test
    void withoutAGroupingEveryMatchCountsTogether() {
        publish(windowed("suv-bursts", Map.of("count", 3, "within", "PT1M")));
        suv("Toyota", 0);
        suv("Lada", 1);
        suv("Ford", 2);
        List<JsonNode> raised = windowAlerts();
        assertEquals(1, raised.size());
        assertTrue(!raised.getFirst().get("window").has("group"));
    }
}
