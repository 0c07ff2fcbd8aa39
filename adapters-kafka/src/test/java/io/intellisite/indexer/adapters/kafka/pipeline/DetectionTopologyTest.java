package io.intellisite.indexer.adapters.kafka.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Alerts: which detections raise one, with which rules, in which order. */
class DetectionTopologyTest extends TopologyTestDriverFixture {
    @Test
    void suspiciousDetectionRaisesAnAlertWithAStableIdAndOthersDoNot() {
        send("{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"Land Cruiser\", \"Category\": \"SUV\", \"Camera\": 7}");
        send("{\"Year\": 2015, \"Make\": \"Ford\", \"Model\": \"Focus\", \"Category\": \"Sedan\"}");
        var alert = alerts.readRecord();
        assertTrue(alerts.isEmpty(), "the sedan raises no alert");
        assertEquals("Toyota", new String(alert.key(), StandardCharsets.UTF_8));
        JsonNode json = TopologyTestDriverFixture.json(alert.value());
        assertEquals(new SourcePosition(topics.detections(), DETECTIONS_TOPIC_ID, 0, 0).detectionId().toString(), json.get("id").asText());
        assertEquals("suspicious-vehicle", json.get("rules").get(0).asText());
        assertEquals(2011, json.get("Year").asInt());
        assertEquals("Land Cruiser", json.get("Model").asText());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void combinedCategoriesMatchAndListEveryMatchingRuleInOneAlert() {
        send("{\"Year\": 2019, \"Make\": \"Subaru\", \"Model\": \"Outback\", \"Category\": \"suv, Wagon\"}");
        List<TestRecord<byte[], byte[]>> out = alerts.readRecordsToList();
        assertEquals(1, out.size());
        JsonNode rules = TopologyTestDriverFixture.json(out.getFirst().value()).get("rules");
        assertEquals(2, rules.size());
        assertEquals("suspicious-vehicle", rules.get(0).asText());
        assertEquals("wagons", rules.get(1).asText());
    }

    @Test
    void ruleChangesOnTheRulesTopicApplyToTheNextRecord() {
        String lada = "{\"Year\": 1990, \"Make\": \"Lada\", \"Model\": \"Niva\", \"Category\": \"Off-road\"}";
        send(lada);
        publish(rule("ladas", true, Map.of("make", List.of("lada"), "year", Map.of("to", 1995))));
        send(lada);
        publish(rule("ladas", false, Map.of("make", List.of("lada"))));
        send(lada);
        publish(rule("niva", true, Map.of("model", Map.of("equals", "niva"))));
        publish(rule("old", true, Map.of("year", Map.of("to", 1990))));
        send(lada);
        rules.pipeInput("niva", (byte[]) null);
        rules.pipeInput("broken", "{not a rule".getBytes(StandardCharsets.UTF_8));
        // Anyone who can write to the topic can write these: each is ignored, none stops the rules' thread.
        for (String notARule : List.of("null", "[]", "{}", "42", "{\"id\": 5}", "{\"id\": \"x\", \"name\": \"x\", \"conditions\": null}",
                "{\"id\": \"x\", \"name\": \"x\", \"conditions\": {\"year\": {\"from\": \"old\"}}}",
                "{\"id\": \"x\", \"name\": \"x\", \"conditions\": {\"make\": [null]}}")) {
            rules.pipeInput("junk", notARule.getBytes(StandardCharsets.UTF_8));
        }
        send(lada);
        send("{\"Year\": 2019, \"Make\": \"Subaru\", \"Model\": \"Outback\", \"Category\": \"SUV\"}");
        assertEquals(List.of(List.of("ladas"), List.of("niva", "old"), List.of("old"), List.of("suspicious-vehicle")), alertRuleIds());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void alertsOfOneMakeKeepTheirOrder() {
        for (int i = 0; i < 20; i++) {
            send("{\"Year\": " + (2000 + i) + ", \"Make\": \"" + (i % 2 == 0 ? "Jeep" : "Kia") + "\", \"Model\": \"M\", \"Category\": \"SUV\"}");
        }
        var jeepYears = alerts.readRecordsToList().stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("Jeep"))
                .map(r -> TopologyTestDriverFixture.json(r.value()).get("Year").asInt()).toList();
        assertEquals(List.of(2000, 2002, 2004, 2006, 2008, 2010, 2012, 2014, 2016, 2018), jeepYears);
    }
}
