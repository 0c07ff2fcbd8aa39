package io.intellisite.indexer.adapters.kafka.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.TopicReader;
import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.wire.DeadLetterHeaders;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.application.port.in.detection.IndexDetectionsUseCase;
import io.intellisite.indexer.application.port.in.detection.IndexResult;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The indexer's retry loop on a real broker, with a store that fails the way a database going away does. */
class DetectionIndexerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int RECORDS = 500;
    private static EmbeddedKafkaBroker broker;

    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(DataDirectory.throwaway("indexer-test"), 0);
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void aBatchThatFailsIsRetriedUntilStoredOnceAndReadinessComesBack() throws Exception {
        FlakyStore store = new FlakyStore(3, false);
        try (DetectionIndexer indexer = indexer(store)) {
            Eventually.waitFor(() -> !indexer.isHealthy(), WAIT); // while its batch cannot be stored
            assertTrue(store.stored.isEmpty());
            Eventually.waitFor(() -> store.stored.size() == RECORDS, WAIT);
            Eventually.waitFor(indexer::isHealthy, WAIT);
            assertEquals(RECORDS, indexer.indexedCount());
        }
    }

    @Test
    void anInterruptLeakedByTheStoreNeitherStopsTheIndexerNorLeavesItUnhealthy() throws Exception {
        // A failing client library may re-assert an interrupt on the calling thread: the loop must go on.
        FlakyStore store = new FlakyStore(2, true);
        try (DetectionIndexer indexer = indexer(store)) {
            Eventually.waitFor(() -> store.stored.size() == RECORDS, WAIT);
            Eventually.waitFor(indexer::isHealthy, WAIT);
            assertTrue(store.failures.get() >= 2);
        }
    }

    @Test
    void detectionsTheDatabaseRefusesGoUnchangedToTheDeadLetterTopicAndTheRestIsIndexed() throws Exception {
        FlakyStore store = new FlakyStore(0, false);
        store.refuse = d -> d.source().offset() % 50 == 7;
        String topic = "detections-" + UUID.randomUUID();
        try (DetectionIndexer indexer = indexer(store, topic)) {
            int refused = RECORDS / 50;
            Eventually.waitFor(() -> store.stored.size() == RECORDS - refused && indexer.deadLetterCount() == refused, WAIT);
            var dead = TopicReader.read(broker.bootstrapServers(), topic + ".dlq", refused, Duration.ofSeconds(30));
            assertEquals(refused, dead.size());
            for (var r : dead) {
                assertEquals("UNSTORABLE", DeadLetterHeaders.value(r.headers(), DeadLetterHeaders.REASON));
                assertEquals("refused: no such make", DeadLetterHeaders.value(r.headers(), DeadLetterHeaders.DETAIL));
                long offset = Long.parseLong(DeadLetterHeaders.value(r.headers(), DeadLetterHeaders.SOURCE_OFFSET));
                assertEquals(7, offset % 50);
                assertTrue(DetectionJson.parse(r.value()).make().length() > 0, "the record as it was sent");
            }
            Eventually.waitFor(indexer::isHealthy, WAIT);
        }
    }

    @Test
    void aRefusedDetectionTooLargeToCopyWithItsHeadersIsDeadLetteredWithoutItsBodyRatherThanStallingItsPartition() throws Exception {
        // The topic takes records up to 2 MB; the dead-letter topic and its producer keep Kafka's 1 MiB defaults, so
        // a full copy of this record would be refused on every retry.
        String topic = "big-detections-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            KafkaTopics.create(admin, List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("max.message.bytes", "2000000")),
                    new NewTopic(topic + ".dlq", 1, (short) 1)), Duration.ofSeconds(30));
        }
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "max.request.size", 2_000_000), new ByteArraySerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<byte[], byte[]>(topic, null, DetectionJson.detection(VehicleCatalog.load(new Random(2)).next()));
            record.headers().add("camera-frame", new byte[1_100_000]);
            producer.send(record).get();
        }
        FlakyStore store = new FlakyStore(0, false);
        store.refuse = d -> true;
        try (DetectionIndexer indexer = new DetectionIndexer(KafkaCluster.at(broker.bootstrapServers()), "indexer-" + UUID.randomUUID(), topic,
                topic + ".dlq", TopicIds.askingBroker(admin), store, Duration.ofMillis(200), Map.of())) {
            indexer.start();
            Eventually.waitFor(() -> indexer.deadLetterCount() == 1, WAIT);
            Eventually.waitFor(indexer::isHealthy, WAIT);
            var dead = TopicReader.read(broker.bootstrapServers(), topic + ".dlq", 1, Duration.ofSeconds(30)).getFirst();
            assertEquals("UNSTORABLE", DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.REASON));
            assertEquals("0", DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET));
            assertTrue(Long.parseLong(DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.OMITTED_BYTES)) > 1_100_000);
            assertEquals(null, dead.value(), "read the record itself at its source position");
        }
    }

    /**
     * A fatal consumer error ends the indexer's thread, and nothing in the process starts it again: it says so, and
     * the product then exits for its supervisor to start it again (README, Crash safety). Here the fatal error is a
     * newer member with the same static id, as a copy of an instance's data directory would make.
     */
    @Test
    void anIndexerFencedByANewerMemberOfItsStaticIdSaysItStoppedForGood() throws Exception {
        String topic = "fenced-" + UUID.randomUUID();
        String group = "indexer-" + UUID.randomUUID();
        KafkaTopics.create(admin, List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(topic + ".dlq", 1, (short) 1)), WAIT);
        try (DetectionIndexer indexer = new DetectionIndexer(KafkaCluster.at(broker.bootstrapServers()), group, topic, topic + ".dlq",
                TopicIds.askingBroker(admin), new FlakyStore(0, false), Duration.ofMillis(200),
                Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "instance-1"))) {
            indexer.start();
            Eventually.waitFor(() -> isStable(group), WAIT);
            assertFalse(indexer.failure().toCompletableFuture().isDone());
            try (var newer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "instance-1"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                newer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!indexer.failure().toCompletableFuture().isDone() && System.nanoTime() < deadline) {
                    newer.poll(Duration.ofMillis(200));
                }
            }
            String failure = indexer.failure().toCompletableFuture().get(1, TimeUnit.SECONDS);
            assertTrue(failure.startsWith("a detection indexer stopped for good") && failure.contains("Fenced"), failure);
            assertFalse(indexer.isHealthy());
        }
    }

    private static boolean isStable(String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).groupState() == GroupState.STABLE;
        } catch (InterruptedException | ExecutionException e) {
            return false;
        }
    }

    private static DetectionIndexer indexer(IndexDetectionsUseCase store) throws Exception {
        return indexer(store, "detections-" + UUID.randomUUID());
    }

    private static DetectionIndexer indexer(IndexDetectionsUseCase store, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            KafkaTopics.create(admin, List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(topic + ".dlq", 1, (short) 1)),
                    Duration.ofSeconds(30));
        }
        VehicleCatalog catalog = VehicleCatalog.load(new Random(1));
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, null, DetectionJson.detection(catalog.next())));
            }
        }
        DetectionIndexer indexer = new DetectionIndexer(KafkaCluster.at(broker.bootstrapServers()), "indexer-" + UUID.randomUUID(), topic, topic + ".dlq",
                TopicIds.askingBroker(admin), store,
                Duration.ofMillis(200), Map.of());
        indexer.start();
        return indexer;
    }

    /**
     * Fails its first calls (optionally interrupting the caller first), then stores idempotently by position, and
     * refuses what {@code refuse} matches, as the application's service reports a database's refusal.
     */
    private static final class FlakyStore implements IndexDetectionsUseCase {
        final Set<SourcePosition> stored = ConcurrentHashMap.newKeySet();
        final AtomicInteger failures = new AtomicInteger();
        private final int failFirst;
        private final boolean interrupt;
        volatile Predicate<IndexedDetection> refuse = d -> false;

        FlakyStore(int failFirst, boolean interrupt) {
            this.failFirst = failFirst;
            this.interrupt = interrupt;
        }

        @Override
        public IndexResult index(List<IndexedDetection> batch) {
            if (failures.get() < failFirst) {
                failures.incrementAndGet();
                if (interrupt) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("database unreachable");
            }
            int added = 0;
            List<IndexResult.Refused> refused = new ArrayList<>();
            for (IndexedDetection d : batch) {
                if (refuse.test(d)) {
                    refused.add(new IndexResult.Refused(d, "refused: no such make"));
                } else {
                    added += stored.add(d.source()) ? 1 : 0;
                }
            }
            return new IndexResult(added, refused);
        }
    }
}
