package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionPipeline;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionTopology;
import io.intellisite.indexer.adapters.kafka.pipeline.TopicIds;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.adapters.kafka.wire.AlertRuleJson;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.application.service.rule.CountWindowedMatchesService;
import io.intellisite.indexer.application.service.rule.EvaluateAlertRulesService;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertRules;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindows;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The topology's throughput with ten windowed rules in force against none (the stock SUV rule in both), in the same
 * run on the same preloaded detections, alternating: each run is a fresh application id that reads the topic from the
 * start, and it is done when its input offsets are committed and (with the rules) every match has been counted.
 */
final class WindowsBenchmark {
    private static final Duration GIVE_UP = Duration.ofMinutes(10);
    private static final AlertRule SUV = AlertRule.suspiciousCategory("SUV");

    private WindowsBenchmark() {
    }

    static void run(ProductSettings.Kafka kafka, long count, int rounds) throws Exception {
        List<AlertRule> windowed = tenWindowedRules();
        DataDirectory data = DataDirectory.throwaway("windows-bench");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            KafkaCluster cluster = KafkaCluster.at(broker.bootstrapServers());
            String detections = "bench-detections";
            KafkaTopics.ensure(cluster, new TopicNames(detections, "bench-alerts", "bench-dlq", "bench-rules"), 2, Duration.ofSeconds(15));
            long matches = preload(broker.bootstrapServers(), detections, count, new AlertRules(windowed));
            System.out.printf("preloaded %,d detections; the ten windowed rules count them %,d times (rule and group)%n", count, matches);
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double none = once(cluster, admin, kafka, data, detections, List.of(SUV), count, 0);
                double ten = once(cluster, admin, kafka, data, detections, with(windowed), count, matches);
                ratios.add(ten / none);
                System.out.printf("round %d: no windowed rule (reference) %,.0f detections/s; ten windowed rules %,.0f detections/s;"
                        + " ratio %.2f%n", round, none, ten, ten / none);
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            double median = (sorted.get((rounds - 1) / 2) + sorted.get(rounds / 2)) / 2;
            System.out.printf("ratio (ten windowed rules / none), median of %d rounds: %.2f (the first round runs cold: C2 has"
                    + " not compiled the Streams and client code yet)%n", rounds, median);
            System.out.println("machine: " + Benchmarks.machine());
        } finally {
            data.release();
        }
    }

    private static List<AlertRule> with(List<AlertRule> windowed) {
        List<AlertRule> all = new ArrayList<>(windowed);
        all.add(SUV);
        return all;
    }

    /** Ten rules as an operator might write them; three match every detection, so most detections count several times. */
    static List<AlertRule> tenWindowedRules() {
        Object[][] specs = {
                {Map.of("category", List.of("SUV")), Map.of("count", 3, "within", "PT1M", "groupBy", "make")},
                {Map.of("category", List.of("SUV")), Map.of("count", 5, "within", "PT5M", "groupBy", "model")},
                {Map.of("category", List.of("Sedan")), Map.of("count", 10, "within", "PT1M", "groupBy", "make")},
                {Map.of("year", Map.of("from", 1886)), Map.of("count", 100, "within", "PT1M", "groupBy", "category")},
                {Map.of("make", List.of("Toyota")), Map.of("count", 3, "within", "PT30S", "groupBy", "model")},
                {Map.of("category", List.of("Wagon")), Map.of("count", 20, "within", "PT1M")},
                {Map.of("year", Map.of("to", 2000)), Map.of("count", 5, "within", "PT10M", "groupBy", "make")},
                {Map.of("category", List.of("Pickup")), Map.of("count", 3, "within", "PT1M", "groupBy", "make")},
                {Map.of("year", Map.of("from", 1886)), Map.of("count", 50, "within", "PT1M", "groupBy", "make")},
                {Map.of("model", Map.of("contains", "a")), Map.of("count", 5, "within", "PT1M", "groupBy", "model")}};
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            rules.add(new AlertRule("windowed-" + i, "windowed " + i, true, RuleConditions.fromMap(specs[i][0]),
                    RuleWindows.fromMap(specs[i][1])));
        }
        return rules;
    }

    /** Detections per second from the pipeline's start until it has taken all of them (and counted {@code matches}). */
    private static double once(KafkaCluster cluster, Admin admin, ProductSettings.Kafka kafka, DataDirectory data, String detections,
                               List<AlertRule> rules, long count, long matches) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TopicNames topics = new TopicNames(detections, "alerts-" + run, "dlq-" + run, "rules-" + run);
        KafkaTopics.ensure(cluster, topics, 2, Duration.ofSeconds(15));
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", cluster.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (AlertRule rule : rules) {
                producer.send(new ProducerRecord<>(topics.rules(), rule.id().getBytes(StandardCharsets.UTF_8), AlertRuleJson.write(rule))).get();
            }
        }
        GlobalAlertRuleTable table = new GlobalAlertRuleTable();
        DetectionTopology topology = new DetectionTopology(topics, new EvaluateAlertRulesService(table),
                new CountWindowedMatchesService(table), table, new TopicIds(topic -> UUID.nameUUIDFromBytes(topic.getBytes())));
        String applicationId = "windows-bench-" + run;
        long start = System.nanoTime();
        try (DetectionPipeline pipeline = new DetectionPipeline(topology, new DetectionPipeline.Settings(cluster, applicationId,
                data.path().resolve(applicationId), "bench", kafka.streamThreads(), kafka.commitInterval(), Duration.ofSeconds(2),
                kafka.streamsClient()))) {
            pipeline.start();
            while (IngestBenchmark.committed(admin, applicationId, detections) < count || topology.windowMatchCount() < matches) {
                if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                    throw new IllegalStateException("not done after " + GIVE_UP + ": " + topology.windowMatchCount() + " of " + matches + " matches");
                }
                Thread.sleep(20);
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static long preload(String broker, String topic, long count, AlertRules windowed) {
        VehicleCatalog catalog = VehicleCatalog.load(new Random(7));
        long matches = 0;
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "linger.ms", 20,
                "batch.size", 512 * 1024, "compression.type", "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                Detection d = catalog.next();
                matches += windowed.windowKeys(d).size();
                producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(d)));
            }
            producer.flush();
        }
        return matches;
    }
}
