package io.intellisite.indexer.adapters.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.in.IndexDetectionsUseCase;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The indexer's retry loop on a real broker, with a store that fails the way a database going away does. */
class DetectionIndexerTest {
    private static final int RECORDS = 500;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(DataDirectory.throwaway("indexer-test"), 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aBatchThatFailsIsRetriedUntilStoredOnceAndReadinessComesBack() throws Exception {
        FlakyStore store = new FlakyStore(3, false);
        try (DetectionIndexer indexer = indexer(store)) {
            waitFor(() -> !indexer.isHealthy()); // while its batch cannot be stored
            assertTrue(store.stored.isEmpty());
            waitFor(() -> store.stored.size() == RECORDS);
            waitFor(indexer::isHealthy);
            assertEquals(RECORDS, indexer.indexedCount());
        }
    }

    @Test
    void anInterruptLeakedByTheStoreNeitherStopsTheIndexerNorLeavesItUnhealthy() throws Exception {
        // A failing client library may re-assert an interrupt on the calling thread: the loop must go on.
        FlakyStore store = new FlakyStore(2, true);
        try (DetectionIndexer indexer = indexer(store)) {
            waitFor(() -> store.stored.size() == RECORDS);
            waitFor(indexer::isHealthy);
            assertTrue(store.failures.get() >= 2);
        }
    }

    private static DetectionIndexer indexer(IndexDetectionsUseCase store) throws Exception {
        String topic = "detections-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            KafkaTopics.create(admin, List.of(new NewTopic(topic, 2, (short) 1)), Duration.ofSeconds(30));
        }
        VehicleCatalog catalog = VehicleCatalog.load(new Random(1));
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, null, DetectionJson.detection(catalog.next())));
            }
        }
        DetectionIndexer indexer = new DetectionIndexer(broker.bootstrapServers(), "indexer-" + UUID.randomUUID(), topic, store,
                Duration.ofMillis(200), Map.of());
        indexer.start();
        return indexer;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(20);
        }
    }

    /** Fails its first calls (optionally interrupting the caller first), then stores idempotently by position. */
    private static final class FlakyStore implements IndexDetectionsUseCase {
        final Set<SourcePosition> stored = ConcurrentHashMap.newKeySet();
        final AtomicInteger failures = new AtomicInteger();
        private final int failFirst;
        private final boolean interrupt;

        FlakyStore(int failFirst, boolean interrupt) {
            this.failFirst = failFirst;
            this.interrupt = interrupt;
        }

        @Override
        public int index(List<IndexedDetection> batch) {
            if (failures.get() < failFirst) {
                failures.incrementAndGet();
                if (interrupt) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("database unreachable");
            }
            int added = 0;
            for (IndexedDetection d : batch) {
                added += stored.add(d.source()) ? 1 : 0;
            }
            return added;
        }
    }
}
