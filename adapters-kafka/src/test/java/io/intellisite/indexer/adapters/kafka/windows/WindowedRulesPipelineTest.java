package io.intellisite.indexer.adapters.kafka.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.TopicReader;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionPipeline;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionTopology;
import io.intellisite.indexer.adapters.kafka.pipeline.TopicIds;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.adapters.kafka.wire.AlertRuleJson;
import io.intellisite.indexer.application.service.rule.CountWindowedMatchesService;
import io.intellisite.indexer.application.service.rule.EvaluateAlertRulesService;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindows;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A windowed rule on a real broker, counted by two instances sharing one application id over two partitions: one
 * instance stops in the middle of every window (its groups move to the other, which resumes them from the
 * changelog) and starts again over its old state directory. Each group's alerts are exactly those one instance
 * would raise, and under read_committed no alert appears twice.
 */
class WindowedRulesPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MAKES = List.of("Toyota", "Lada", "Ford", "Kia", "Audi", "Fiat");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final List<DetectionTopology> started = new ArrayList<>();
    private static EmbeddedKafkaBroker broker;
    private static DataDirectory data;
    private final Map<String, DetectionPipeline> running = new HashMap<>();
    private final TopicNames topics = new TopicNames("detections-w", "alerts-w", "dlq-w", "rules-w");
    private final String applicationId = "windows-" + UUID.randomUUID();
    private KafkaProducer<byte[], byte[]> producer;
    private int sent;

    @BeforeAll
    static void startBroker() {
        data = DataDirectory.throwaway("windowed-rules-test");
        broker = EmbeddedKafkaBroker.start(data, 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        data.release();
    }

    @AfterEach
    void stop() {
        running.values().forEach(DetectionPipeline::close);
        producer.close();
    }

    @Test
    void twoInstancesCountEachGroupOnceThoughOneStopsMidWindowAndComesBack() throws Exception {
        KafkaTopics.ensure(KafkaCluster.at(broker.bootstrapServers()), topics, 2, Duration.ofSeconds(15));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer());
        AlertRule rule = new AlertRule("suv-bursts", "SUV bursts", true, RuleConditions.fromMap(Map.of("category", List.of("SUV"))),
                RuleWindows.fromMap(Map.of("count", 3, "within", "PT1M", "groupBy", "make")));
        producer.send(new ProducerRecord<>(topics.rules(), rule.id().getBytes(StandardCharsets.UTF_8), AlertRuleJson.write(rule))).get();
        start("a");
        start("b");

        sendRound(2);
        // Both instances have counted their groups' first two matches; a clean stop commits what it counted.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (started.stream().mapToLong(DetectionTopology::windowMatchCount).sum() < MAKES.size() * 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        running.remove("b").close();
        sendRound(1);
        assertEquals(MAKES.size(), awaitRecords(topics.alerts(), MAKES.size(), WAIT).size());
        start("b");
        sendRound(3);

        // One more than are due is asked for, so the read waits its whole time: that is how it sees none come twice.
        List<ConsumerRecord<byte[], byte[]>> alerts = awaitRecords(topics.alerts(), MAKES.size() * 2 + 1, Duration.ofSeconds(5));
        assertEquals(MAKES.size() * 2, alerts.size(), "one alert per three SUVs of a make, none twice");
        Map<String, Integer> perMake = new HashMap<>();
        Set<String> counted = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : alerts) {
            JsonNode window = JSON.readTree(r.value()).get("window");
            perMake.merge(window.get("group").asText(), 1, Integer::sum);
            window.get("detections").forEach(id -> counted.add(id.asText()));
        }
        assertEquals(MAKES.stream().collect(Collectors.toMap(m -> m.toLowerCase(Locale.ROOT), m -> 2)), perMake);
        assertEquals(sent, counted.size(), "every detection counted in exactly one window");
        assertEquals(0, started.stream().mapToLong(DetectionTopology::lateMatchCount).sum());
    }

    /**
     * {@code perMake} SUVs of every make, 100 ms apart in event time (all of them within the grace of each other: two
     * detection partitions feed each counting task, and one may run ahead of the other), spread over both partitions.
     */
    private void sendRound(int perMake) throws Exception {
        for (int i = 0; i < perMake; i++) {
            for (String make : MAKES) {
                byte[] value = ("{\"Year\": 2011, \"Make\": \"" + make + "\", \"Model\": \"X\", \"Category\": \"SUV\"}").getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topics.detections(), sent % 2, T0.plusMillis(100L * sent).toEpochMilli(), null, value)).get();
                sent++;
            }
        }
    }

    private void start(String name) {
        GlobalAlertRuleTable table = new GlobalAlertRuleTable();
        DetectionTopology t = new DetectionTopology(topics, new EvaluateAlertRulesService(table),
                new CountWindowedMatchesService(table), table, new TopicIds(topic -> UUID.nameUUIDFromBytes(topic.getBytes())));
        started.add(t);
        DetectionPipeline pipeline = new DetectionPipeline(t,
                new DetectionPipeline.Settings(KafkaCluster.at(broker.bootstrapServers()), applicationId,
                        data.path().resolve(applicationId + "-" + name), name, 1, Duration.ofMillis(50), Duration.ofSeconds(1), Map.of()));
        running.put(name, pipeline);
        pipeline.start();
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, int expected, Duration wait) {
        return TopicReader.read(broker.bootstrapServers(), topic, expected, wait);
    }
}
