package io.intellisite.indexer.adapters.kafka.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.adapters.kafka.wire.AlertRuleJson;
import io.intellisite.indexer.application.service.rule.CountWindowedMatchesService;
import io.intellisite.indexer.application.service.rule.EvaluateAlertRulesService;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The topology on a TopologyTestDriver, with the two stock rules published: SUVs, and wagons. */
abstract class TopologyTestDriverFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The id the test driver's detections topic has, as the broker would answer it. */
    static final UUID DETECTIONS_TOPIC_ID = UUID.fromString("0b7d3c52-9f4e-4a61-8d2c-3e5f6a7b8c9d");
    final TopicNames topics = TopicNames.defaults();
    DetectionTopology topology;
    private TopologyTestDriver driver;
    TestInputTopic<byte[], byte[]> input;
    TestOutputTopic<byte[], byte[]> alerts;
    TestOutputTopic<byte[], byte[]> deadLetters;
    TestInputTopic<String, byte[]> rules;
    /** Its own: the driver's default, /tmp/kafka-streams/<application id>, is shared by every build on the machine. */
    @TempDir
    Path stateDir;

    @BeforeEach
    void setUp() {
        GlobalAlertRuleTable ruleTable = new GlobalAlertRuleTable();
        topology = new DetectionTopology(topics, new EvaluateAlertRulesService(ruleTable), new CountWindowedMatchesService(ruleTable), ruleTable,
                new TopicIds(topic -> DETECTIONS_TOPIC_ID));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology.topology(), props);
        input = driver.createInputTopic(topics.detections(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(topics.alerts(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        rules = driver.createInputTopic(topics.rules(), new StringSerializer(), new ByteArraySerializer());
        publish(AlertRule.suspiciousCategory("SUV"));
        publish(rule("wagons", true, Map.of("category", List.of("Wagon"))));
    }

    static AlertRule rule(String id, boolean enabled, Map<String, Object> conditions) {
        return new AlertRule(id, id, enabled, RuleConditions.fromMap(conditions));
    }

    void publish(AlertRule rule) {
        rules.pipeInput(rule.id(), AlertRuleJson.write(rule));
    }

    List<List<String>> alertRuleIds() {
        return alerts.readRecordsToList().stream().map(r -> {
            List<String> ids = new ArrayList<>();
            json(r.value()).get("rules").forEach(id -> ids.add(id.asText()));
            return ids;
        }).toList();
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    void send(String json) {
        input.pipeInput(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A record the topology wrote, read as any consumer of the topic would: with plain Jackson. */
    static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError("not JSON", e);
        }
    }
}
