package io.intellisite.indexer.adapters.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.application.service.EvaluateAlertRulesService;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionTopologyTest {
    private final TopicNames topics = TopicNames.defaults();
    private DetectionTopology topology;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<byte[], byte[]> alerts;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private TestInputTopic<String, byte[]> rules;

    @BeforeEach
    void setUp() {
        GlobalAlertRuleTable ruleTable = new GlobalAlertRuleTable();
        topology = new DetectionTopology(topics, new EvaluateAlertRulesService(ruleTable), ruleTable);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology.topology(), props);
        input = driver.createInputTopic(topics.detections(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(topics.alerts(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        rules = driver.createInputTopic(topics.rules(), new StringSerializer(), new ByteArraySerializer());
        publish(AlertRule.suspiciousCategory("SUV"));
        publish(rule("wagons", true, Map.of("category", List.of("Wagon"))));
    }

    private static AlertRule rule(String id, boolean enabled, Map<String, Object> conditions) {
        return new AlertRule(id, id, enabled, RuleConditions.fromMap(conditions));
    }

    private void publish(AlertRule rule) {
        rules.pipeInput(rule.id(), AlertRuleJson.write(rule));
    }

    private List<List<String>> alertRuleIds() {
        return alerts.readRecordsToList().stream().map(r -> {
            List<String> ids = new ArrayList<>();
            DetectionJson.read(r.value()).get("rules").forEach(id -> ids.add(id.asText()));
            return ids;
        }).toList();
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(String json) {
        input.pipeInput(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void suspiciousDetectionRaisesAnAlertWithAStableIdAndOthersDoNot() {
        send("{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"Land Cruiser\", \"Category\": \"SUV\", \"Camera\": 7}");
        send("{\"Year\": 2015, \"Make\": \"Ford\", \"Model\": \"Focus\", \"Category\": \"Sedan\"}");
        var alert = alerts.readRecord();
        assertTrue(alerts.isEmpty(), "the sedan raises no alert");
        assertEquals("Toyota", new String(alert.key(), StandardCharsets.UTF_8));
        JsonNode json = DetectionJson.read(alert.value());
        assertEquals(new SourcePosition(topics.detections(), 0, 0).detectionId().toString(), json.get("id").asText());
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
        JsonNode rules = DetectionJson.read(out.getFirst().value()).get("rules");
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json at all|NOT_JSON",
        "[1, 2, 3]|NOT_AN_OBJECT",
        "\"a string\"|NOT_AN_OBJECT",
        "{\"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\"}|INVALID_FIELDS",
        "{\"Year\": \"2011\", \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\"}|INVALID_FIELDS",
        "{\"Year\": 2011.5, \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\"}|INVALID_FIELDS",
        "{\"Year\": 1700, \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\"}|INVALID_FIELDS",
        "{\"Year\": 2011, \"Make\": 7, \"Model\": \"X\", \"Category\": \"SUV\"}|INVALID_FIELDS",
        "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \" \", \"Category\": \"SUV\"}|INVALID_FIELDS",
        "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"X\"}|INVALID_FIELDS",
        "{\"Year\": 2011, \"Make\": \"Toy\\u0000ota\", \"Model\": \"X\", \"Category\": \"SUV\"}|INVALID_FIELDS",
        "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"X\", \"Make\": \"Ford\", \"Category\": \"SUV\"}|INVALID_FIELDS",
        "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"Sedan\", \"Category\": \"SUV\"}|INVALID_FIELDS",
    })
    void invalidRecordsGoUnchangedToTheDeadLetterTopicWithHeadersAndTheStreamGoesOn(String value, String reason) {
        send(value);
        send("{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"Land Cruiser\", \"Category\": \"SUV\"}");
        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertEquals(value, new String(dead.value(), StandardCharsets.UTF_8));
        assertEquals(reason, DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.REASON));
        assertEquals(topics.detections(), DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC));
        assertEquals("0", DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.SOURCE_PARTITION));
        assertEquals("0", DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET));
        assertEquals(1, topology.deadLetterCount());
        assertEquals(1, alerts.readRecordsToList().size());
    }

    @Test
    void extraFieldsAreAllowedEvenTwiceOnlyTheFourKnownOnesMustBeUnique() {
        send("{\"Year\": 2011, \"Make\": \"Toyota\", \"Lane\": 1, \"Model\": \"X\", \"Lane\": {\"Make\": \"Ford\"}, \"Category\": \"SUV\"}");
        assertTrue(deadLetters.isEmpty());
        assertEquals("Toyota", DetectionJson.read(alerts.readRecord().value()).get("Make").asText());
    }

    @Test
    void jsonNestedDeeperThanPostgresqlCanParseIsDeadLetteredNotStoredToFailItsBatch() {
        // 30,000 levels fit in 64 KiB and overflow PostgreSQL's parser stack; Jackson stops at 1,000.
        String deep = "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\", \"Extra\": "
                + "[".repeat(30_000) + "]".repeat(30_000) + "}";
        send(deep);
        assertEquals("NOT_JSON", DeadLetterHeaders.value(deadLetters.readRecord().headers(), DeadLetterHeaders.REASON));
        assertTrue(alerts.isEmpty());
    }

    @Test
    void emptyAndOversizedRecordsAreDeadLettered() {
        input.pipeInput((byte[]) null);
        byte[] huge = ("{\"Year\": 2011, \"Make\": \"T\", \"Model\": \"" + "x".repeat(70_000) + "\", \"Category\": \"SUV\"}")
                .getBytes(StandardCharsets.UTF_8);
        input.pipeInput(huge);
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertEquals("EMPTY", DeadLetterHeaders.value(dead.get(0).headers(), DeadLetterHeaders.REASON));
        assertEquals("TOO_LARGE", DeadLetterHeaders.value(dead.get(1).headers(), DeadLetterHeaders.REASON));
        assertEquals(huge.length, dead.get(1).value().length);
    }

    @Test
    void aRecordTooLargeToCopyWithTheDeadLetterHeadersIsReportedWithoutItsKeyValueAndHeaders() {
        byte[] big = new byte[DeadLetterHeaders.MAX_COPY_BYTES - 2_000];
        byte[] tooBig = new byte[DeadLetterHeaders.MAX_COPY_BYTES - 200];
        java.util.Arrays.fill(big, (byte) 'x');
        java.util.Arrays.fill(tooBig, (byte) 'y');
        input.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8), big));
        input.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8), tooBig));
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertArrayEquals(big, dead.get(0).value());
        assertEquals(null, DeadLetterHeaders.value(dead.get(0).headers(), DeadLetterHeaders.OMITTED_BYTES));
        assertEquals(null, dead.get(1).value());
        assertEquals(null, dead.get(1).key());
        assertEquals(String.valueOf(tooBig.length + 1), DeadLetterHeaders.value(dead.get(1).headers(), DeadLetterHeaders.OMITTED_BYTES));
        assertEquals("TOO_LARGE", DeadLetterHeaders.value(dead.get(1).headers(), DeadLetterHeaders.REASON));
        assertEquals("1", DeadLetterHeaders.value(dead.get(1).headers(), DeadLetterHeaders.SOURCE_OFFSET));
    }

    @Test
    void jsonInAnotherEncodingThanUtf8OrWithAByteOrderMarkIsDeadLettered() {
        String json = "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"Land Cruiser\", \"Category\": \"SUV\"}";
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        List<byte[]> values = List.of(json.getBytes(StandardCharsets.UTF_16LE), json.getBytes(StandardCharsets.UTF_16BE),
                json.getBytes(StandardCharsets.UTF_16), json.getBytes(Charset.forName("UTF-32LE")), withBom);
        values.forEach(input::pipeInput);
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertEquals(values.size(), dead.size());
        for (int i = 0; i < values.size(); i++) {
            assertArrayEquals(values.get(i), dead.get(i).value());
            assertEquals("NOT_JSON", DeadLetterHeaders.value(dead.get(i).headers(), DeadLetterHeaders.REASON));
        }
        assertTrue(alerts.isEmpty());
    }

    @Test
    void alertsOfOneMakeKeepTheirOrder() {
        for (int i = 0; i < 20; i++) {
            send("{\"Year\": " + (2000 + i) + ", \"Make\": \"" + (i % 2 == 0 ? "Jeep" : "Kia") + "\", \"Model\": \"M\", \"Category\": \"SUV\"}");
        }
        var jeepYears = alerts.readRecordsToList().stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("Jeep"))
                .map(r -> DetectionJson.read(r.value()).get("Year").asInt()).toList();
        assertEquals(List.of(2000, 2002, 2004, 2006, 2008, 2010, 2012, 2014, 2016, 2018), jeepYears);
    }
}
