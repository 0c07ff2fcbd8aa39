package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.wire.DeadLetterHeaders;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.detection.Detection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the real broker and PostgreSQL, run by the product's own command in its own JVM:
 * 10,000 records, and 1,000,000 (tagged slow: run with {@code -Pslow}), one in 33 poison, the product
 * killed with SIGKILL mid-way, then restarted.
 */
class PipelineIntegrationTest {
    private static final int POISON_EVERY = 33;

    @Test
    void everyValidDetectionIsStoredOnceEveryPoisonRecordIsDeadLetteredAndEveryAlertSeenOnceAcrossAKill(@TempDir Path dir)
            throws Exception {
        killAndRestart(10_000, dir);
    }

    @Test
    @Tag("slow")
    void theSameWithAMillionRecords(@TempDir Path dir) throws Exception {
        killAndRestart(1_000_000, dir);
    }

    private static void killAndRestart(int total, Path dir) throws Exception {
        String run = "it" + UUID.randomUUID().toString().substring(0, 8);
        String broker = TestInfrastructure.kafkaBootstrapServers();
        PostgresDatabase db = TestInfrastructure.emptyDatabase();
        Map<String, String> settings = TestInfrastructure.productSettings(dir, run);

        // Records are made again as they are sent, from the same seed, rather than held: a million of them
        // would sit in the test JVM's heap next to the broker's for the whole test.
        AlertRule suv = AlertRule.suspiciousCategory("SUV");
        long[] validAndAlerts = new long[2];
        records(total, poison -> { }, detection -> {
            validAndAlerts[0]++;
            validAndAlerts[1] += suv.matches(detection) ? 1 : 0;
        });
        long validCount = validAndAlerts[0];
        long expectedAlerts = validAndAlerts[1];

        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        ProductProcess first = ProductProcess.start(settings, dir.resolve("first.log"));
        // Small runs are produced slowly so that the kill lands mid-stream; a large one is mid-stream anyway.
        Thread producer = Thread.ofPlatform().start(() -> produce(run + ".detections", total, total <= 10_000, sendFailure));
        Eventually.waitFor(() -> Stored.detections(db) > total / 20, Duration.ofSeconds(60 + total / 10_000), dir.resolve("first.log"));
        first.kill();
        producer.join();
        assertNull(sendFailure.get(), "every record reached the broker");
        long storedAtKill = Stored.detections(db);

        try (ProductProcess second = ProductProcess.start(settings, dir.resolve("second.log"))) {
            Eventually.waitFor(() -> Stored.detections(db) >= validCount, Duration.ofSeconds(90 + total / 5_000), dir.resolve("second.log"));
            assertEquals(validCount, Stored.detections(db));
            assertEquals(validCount, Stored.count(db, "select count(distinct id) from detections"));
            assertEquals(0, Stored.makeCountsOffTheirGroupBy(db));
            List<ConsumerRecord<byte[], byte[]>> deadLetters = Records.readAll(broker, run + ".dlq", total / POISON_EVERY + 1, "read_committed");
            assertEquals(total - validCount, deadLetters.size());
            deadLetters.forEach(r -> assertTrue(DeadLetterHeaders.value(r.headers(), DeadLetterHeaders.REASON) != null));
            List<ConsumerRecord<byte[], byte[]>> alerts = Records.readAll(broker, run + ".alerts", expectedAlerts, "read_committed");
            Set<String> ids = new java.util.HashSet<>();
            alerts.forEach(a -> ids.add(Json.parse(a.value()).get("id").asText()));
            assertEquals(expectedAlerts, alerts.size(), "each alert exactly once to a read_committed reader");
            assertEquals(expectedAlerts, ids.size());
        }
        System.out.printf("killed with %d of %d valid detections stored; all stored once after restart%n", storedAtKill, validCount);
    }

    /** Hands over the records in order: one in {@link #POISON_EVERY} as poison bytes, the others as detections. */
    private static void records(int total, Consumer<byte[]> poisonOnes, Consumer<Detection> validOnes) {
        VehicleCatalog catalog = VehicleCatalog.load(new Random(42));
        String[] poison = {"not json", "[1,2]", "{\"Year\": \"x\", \"Make\": \"A\", \"Model\": \"B\", \"Category\": \"SUV\"}",
            "{\"Make\": \"A\"}", "", "{\"Year\": 2011, \"Make\": \"" + "m".repeat(200) + "\", \"Model\": \"B\", \"Category\": \"SUV\"}"};
        for (int i = 0; i < total; i++) {
            if (i % POISON_EVERY == 0) {
                poisonOnes.accept(poison[i % poison.length].getBytes(StandardCharsets.UTF_8));
            } else {
                validOnes.accept(catalog.next());
            }
        }
    }

    private static void produce(String topic, int total, boolean slowly, AtomicReference<Exception> failure) {
        try (var producer = TestInfrastructure.producer(Map.of("linger.ms", 5))) {
            int[] sent = {0};
            Consumer<byte[]> send = record -> {
                producer.send(new ProducerRecord<>(topic, null, record), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                if (slowly && ++sent[0] % 1000 == 0) {
                    producer.flush();
                    LockSupport.parkNanos(Duration.ofMillis(150).toNanos());
                }
            };
            records(total, send, detection -> send.accept(DetectionJson.detection(detection)));
        }
    }
}
