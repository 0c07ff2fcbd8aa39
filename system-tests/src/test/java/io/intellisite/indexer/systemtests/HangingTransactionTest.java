package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction of the pipeline's group left open past its timeout by a coordinator that never aborts it (here a
 * broker whose abort of expired transactions is switched off, as a lost abort looks from outside): its pending
 * offsets keep the stream task from starting, and its records hold back every read_committed reader of the alerts.
 * Readiness says so with the reason, the instance ends the transaction itself, and the alerts flow.
 */
class HangingTransactionTest {
    private static final int DETECTIONS = 100;

    @Test
    void aHangingTransactionIsReportedByReadinessAndEndedByTheInstance(@TempDir Path dir) throws Exception {
        String run = "hang" + System.nanoTime();
        TopicNames topics = new TopicNames(run + ".detections", run + ".alerts", run + ".dlq", run + ".rules");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(new DataDirectory(dir.resolve("kafka"), false), 0,
                Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "3600000"))) {
            KafkaTopics.ensure(KafkaCluster.at(broker.bootstrapServers()), topics, 1, Duration.ofSeconds(30));
            try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < DETECTIONS; i++) {
                    producer.send(new ProducerRecord<>(topics.detections(), DetectionJson.detection(new Detection(2020, "Kia", "Sorento", "SUV"))));
                }
            }
            KafkaProducer<byte[], byte[]> crashed = leaveATransactionOpen(broker.bootstrapServers(), run, topics);
            PostgresDatabase db = TestInfrastructure.emptyDatabase();
            Map<String, String> settings = TestInfrastructure.productSettings(dir.resolve("data"), run);
            settings.put("KAFKA_BROKER_URL", broker.bootstrapServers());
            settings.put("PIPELINE_STALL_SECONDS", "5");
            try (IndexerApplication app = IndexerApplication.start(Settings.load(settings))) {
                String ready = "http://127.0.0.1:" + app.httpPort() + "/health/ready";
                AtomicReference<String> stalled = new AtomicReference<>();
                Eventually.waitFor(() -> {
                    ProductClient.Readiness r = ProductClient.readiness(ready);
                    if (r.status() == 503 && r.body().contains("\"stalled\"")) {
                        stalled.set(r.body());
                    }
                    return stalled.get() != null;
                }, Duration.ofSeconds(30));
                assertTrue(stalled.get().contains("no progress for") && stalled.get().contains(topics.detections() + "-0"), stalled.get());
                Eventually.waitFor(() -> ProductClient.readiness(ready).status() == 200, Duration.ofSeconds(60));
                var alerts = Records.readAll(broker.bootstrapServers(), topics.alerts(), DETECTIONS, "read_committed");
                assertEquals(DETECTIONS, alerts.size(), "every alert, and nothing of the crashed transaction");
                alerts.forEach(a -> assertTrue(new String(a.value(), StandardCharsets.UTF_8).contains("Sorento")));
                Eventually.waitFor(() -> Stored.detections(db) == DETECTIONS,
                        Duration.ofSeconds(30));
                System.out.println("readiness while the transaction hung: " + stalled.get());
            } finally {
                crashed.close(Duration.ZERO);
            }
        }
    }

    /**
     * What a crashed instance of the pipeline leaves: a transaction of its producer (named as Streams names them) that
     * wrote to the alerts topic and committed offsets of the group, never committed nor aborted.
     */
    private static KafkaProducer<byte[], byte[]> leaveATransactionOpen(String broker, String group, TopicNames topics) {
        var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "transactional.id", group + "-crashed-1",
                // Long enough not to count as expired yet when the instance looks at its start (it would end it then,
                // before the stall this test wants to see), short enough for the test.
                "transaction.timeout.ms", 10_000), new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topics.alerts(), "not an alert of the product".getBytes(StandardCharsets.UTF_8)));
        producer.sendOffsetsToTransaction(Map.of(new TopicPartition(topics.detections(), 0), new OffsetAndMetadata(0)),
                new ConsumerGroupMetadata(group));
        producer.flush();
        return producer;
    }
}
