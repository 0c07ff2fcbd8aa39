package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import io.intellisite.indexer.embedded.FreePort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is stopped mid-stream and started again on the same data: the instance says it is not ready
 * meanwhile, recovers by itself, and every detection is indexed once and every alert seen once.
 */
class BrokerRestartTest {
    private static final int TOTAL = 20_000;

    @Test
    void theInstanceRidesOutABrokerRestartWithNothingLostOrDoubled(@TempDir Path dir) throws Exception {
        int port = FreePort.pick();
        DataDirectory kafkaData = new DataDirectory(dir.resolve("kafka"), false);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaData, port);
        String run = "broker" + System.nanoTime();
        PostgresDatabase db = TestInfrastructure.emptyDatabase();
        Map<String, String> settings = TestInfrastructure.productSettings(dir.resolve("data"), run);
        settings.put("KAFKA_BROKER_URL", broker.bootstrapServers());
        AtomicLong expectedAlerts = new AtomicLong();
        String bootstrapServers = broker.bootstrapServers();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(settings))) {
            String ready = "http://127.0.0.1:" + app.httpPort() + "/health/ready";
            Thread producer = Thread.ofPlatform().start(() -> produce(bootstrapServers, run + ".detections", expectedAlerts));
            Eventually.waitFor(() -> Stored.detections(db) > 2_000,
                    Duration.ofSeconds(60));

            broker.close();
            Eventually.waitFor(() -> ProductClient.readiness(ready).status() == 503, Duration.ofSeconds(30));
            Thread.sleep(5_000);
            assertEquals(503, ProductClient.readiness(ready).status(), "not ready while the broker is down");
            long storedWhileDown = Stored.detections(db);

            broker = EmbeddedKafkaBroker.start(kafkaData, port);
            producer.join();
            Eventually.waitFor(() -> Stored.detections(db) >= TOTAL,
                    Duration.ofSeconds(120));
            Eventually.waitFor(() -> ProductClient.readiness(ready).status() == 200, Duration.ofSeconds(60));
            assertEquals(TOTAL, Stored.detections(db));
            assertEquals(TOTAL, Stored.count(db, "select count(distinct (source_partition, source_offset)) from detections"));
            assertEquals(0, Stored.makeCountsOffTheirGroupBy(db));
            var alerts = Records.readAll(bootstrapServers, run + ".alerts", expectedAlerts.get(), "read_committed");
            Set<String> ids = new HashSet<>();
            alerts.forEach(a -> ids.add(Json.parse(a.value()).get("id").asText()));
            assertEquals(expectedAlerts.get(), alerts.size(), "each alert exactly once to a read_committed reader");
            assertEquals(expectedAlerts.get(), ids.size());
            System.out.printf("broker restarted with %,d of %,d detections stored; all stored once afterwards%n", storedWhileDown, TOTAL);
        } finally {
            broker.close();
        }
    }

    /** 20,000 detections at about 1,000/s; the idempotent producer rides out the restart itself. */
    private static void produce(String broker, String topic, AtomicLong expectedAlerts) {
        VehicleCatalog catalog = VehicleCatalog.load(new Random(8));
        AlertRule suv = AlertRule.suspiciousCategory("SUV");
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "enable.idempotence", true,
                "acks", "all", "linger.ms", 5, "delivery.timeout.ms", 180_000, "max.block.ms", 180_000),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < TOTAL; i++) {
                Detection d = catalog.next();
                expectedAlerts.addAndGet(suv.matches(d) ? 1 : 0);
                producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(d)));
                if (i % 100 == 99) {
                    Thread.sleep(100);
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
