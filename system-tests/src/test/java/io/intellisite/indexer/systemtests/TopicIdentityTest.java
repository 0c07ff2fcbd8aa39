package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import io.intellisite.indexer.embedded.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offsets of the detections topic start again from 0 when the topic is deleted and created again, when
 * {@code KAFKA_BROKER_URL} names another cluster, and when the embedded broker's data is removed: the records
 * that come then are new detections, each stored once, not replays of the ones stored before at those offsets.
 */
class TopicIdentityTest {
    private static final int EACH = 300;

    @Test
    void aTopicDeletedAndCreatedAgainWhileTheInstanceRuns(@TempDir Path dir) throws Exception {
        String run = "recreate" + System.nanoTime();
        String broker = TestInfrastructure.kafkaBootstrapServers();
        PostgresDatabase db = TestInfrastructure.emptyDatabase();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(TestInfrastructure.productSettings(dir, run)));
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker))) {
            produce(broker, run + ".detections", "before");
            awaitStored(db, EACH);
            admin.deleteTopics(List.of(run + ".detections")).all().get(30, TimeUnit.SECONDS);
            Eventually.waitFor(() -> !topics(admin).contains(run + ".detections"), Duration.ofSeconds(30));
            Thread.sleep(2_000); // long enough for the instance's consumers to see it gone
            KafkaTopics.create(admin, List.of(new NewTopic(run + ".detections", 6, (short) 1)), Duration.ofSeconds(30));
            produce(broker, run + ".detections", "after");
            awaitStored(db, 2 * EACH);
        }
        assertStoredOnce(db);
    }

    @Test
    void kafkaBrokerUrlNamingAnotherCluster(@TempDir Path dir) throws Exception {
        String run = "cluster" + System.nanoTime();
        PostgresDatabase db = TestInfrastructure.emptyDatabase();
        Map<String, String> settings = TestInfrastructure.productSettings(dir.resolve("data"), run);
        for (String cluster : List.of("first", "second")) {
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(new DataDirectory(dir.resolve(cluster), false), 0)) {
                settings.put("KAFKA_BROKER_URL", broker.bootstrapServers());
                try (IndexerApplication app = IndexerApplication.start(Settings.load(settings))) {
                    produce(broker.bootstrapServers(), run + ".detections", cluster);
                    awaitStored(db, cluster.equals("first") ? EACH : 2 * EACH);
                }
            }
        }
        assertStoredOnce(db);
    }

    @Test
    void theEmbeddedBrokersDataRemovedBetweenTwoRuns(@TempDir Path dir) throws Exception {
        PostgresDatabase db = TestInfrastructure.emptyDatabase();
        Map<String, String> settings = TestInfrastructure.productSettings(dir.resolve("data"), "embedded" + System.nanoTime());
        settings.remove("KAFKA_BROKER_URL");
        List.of("DETECTIONS_TOPIC", "ALERTS_TOPIC", "DLQ_TOPIC", "RULES_TOPIC", "APPLICATION_ID").forEach(settings::remove);
        int httpPort = FreePort.pick();
        int kafkaPort = FreePort.pick();
        settings.put("HTTP_PORT", String.valueOf(httpPort));
        settings.put("EMBEDDED_KAFKA_PORT", String.valueOf(kafkaPort));
        for (String run : List.of("first", "second")) {
            Path log = dir.resolve(run + ".log");
            try (ProductProcess product = ProductProcess.start(settings, log)) {
                ProductClient.awaitReady(httpPort, log);
                produce("127.0.0.1:" + kafkaPort, "intellisite.detections", run);
                awaitStored(db, run.equals("first") ? EACH : 2 * EACH);
                product.stop();
            }
            deleteTree(dir.resolve("data").resolve("kafka"));
        }
        assertStoredOnce(db);
    }

    private static void produce(String broker, String topic, String phase) {
        try (var producer = TestInfrastructure.producer(broker, Map.of("enable.idempotence", true))) {
            for (int i = 0; i < EACH; i++) {
                // All to partition 0, so that the second phase's records take the very positions of the first's.
                producer.send(new ProducerRecord<>(topic, 0, null, DetectionJson.detection(new Detection(2020, "Kia", phase + "-" + i, "Sedan"))));
            }
        }
    }

    private static void awaitStored(PostgresDatabase db, long n) throws Exception {
        Eventually.waitFor(() -> Stored.detections(db) >= n,
                Duration.ofSeconds(90));
        Thread.sleep(1_000); // and no more than that
        assertEquals(n, Stored.detections(db));
    }

    private static void assertStoredOnce(PostgresDatabase db) {
        assertEquals(2 * EACH, Stored.count(db, "select count(distinct model) from detections"), "every detection");
        assertEquals(2 * EACH, Stored.count(db, "select count(distinct id) from detections"), "each once");
        assertEquals(2 * EACH, Stored.count(db, "select count from make_counts where make = 'Kia'"));
    }

    private static Set<String> topics(Admin admin) {
        try {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
