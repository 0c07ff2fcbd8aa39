package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.Infrastructure;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.detection.Detection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Preloads N detections into the broker, then starts the product and times it until every detection is
 * indexed and every alert is published: end-to-end detections per second.
 */
final class IngestBenchmark {
    private static final Duration GIVE_UP = Duration.ofMinutes(15);

    private IngestBenchmark() {
    }

    /** {@code base}: the benchmark's settings; the product then runs on the infrastructure started from them. */
    static void run(Map<String, String> base, long count) throws Exception {
        try (Infrastructure infra = Infrastructure.start(ProductSettings.from(Settings.load(base)))) {
            Map<String, String> overrides = new HashMap<>(base);
            overrides.put("KAFKA_BROKER_URL", infra.kafkaBootstrapServers());
            overrides.put("DATABASE_URL", infra.jdbcUrl());
            overrides.put("DATABASE_USER", infra.databaseUser());
            overrides.put("DATABASE_PASSWORD", infra.databasePassword());
            Settings settings = Settings.load(overrides);
            ProductSettings product = ProductSettings.from(settings);
            TopicNames topics = product.topics().names();
            KafkaTopics.ensure(infra.kafka(), topics, product.topics().partitions(), Duration.ofSeconds(15));
            long alerts = preload(infra.kafkaBootstrapServers(), topics.detections(), count);
            System.out.printf("preloaded %,d detections (%,d suspicious) into %s%n", count, alerts, topics.detections());

            long start = System.nanoTime();
            Optional<MachineCpu> cpuAtStart = MachineCpu.now();
            try (IndexerApplication app = IndexerApplication.start(settings);
                 PostgresDatabase db = PostgresDatabase.connectAndMigrate(infra.jdbcUrl(), infra.databaseUser(), infra.databasePassword(), 2);
                 Admin admin = Admin.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()))) {
                long ready = System.nanoTime();
                long indexedAt = 0;
                long alertedAt = 0;
                long nextReport = ready + 1_000_000_000L;
                while (indexedAt == 0 || alertedAt == 0) {
                    Thread.sleep(100);
                    long now = System.nanoTime();
                    long indexed = stored(db);
                    long through = committed(admin, product.kafka().applicationId(), topics.detections());
                    if (now >= nextReport) {
                        System.out.printf("  at %5.1f s: %,d indexed, %,d through the topology%n", (now - start) / 1e9, indexed, through);
                        nextReport += 1_000_000_000L;
                    }
                    if (now - start > GIVE_UP.toNanos()) {
                        throw new IllegalStateException("not done after " + GIVE_UP + ": " + indexed + " indexed, " + through + " through the topology");
                    }
                    if (indexedAt == 0 && indexed >= count) {
                        indexedAt = now;
                    }
                    if (alertedAt == 0 && through >= count) {
                        alertedAt = now;
                    }
                }
                double indexSeconds = (indexedAt - start) / 1e9;
                double allSeconds = (Math.max(indexedAt, alertedAt) - start) / 1e9;
                System.out.printf("indexed %,d in %.1f s: %,.0f detections/s (includes the product's start)%n", count, indexSeconds, count / indexSeconds);
                System.out.printf("indexed and alerted end to end in %.1f s: %,.0f detections/s%n", allSeconds, count / allSeconds);
                double steady = (Math.max(indexedAt, alertedAt) - ready) / 1e9;
                System.out.printf("from the product being started (%.1f s to start) to the end: %.1f s: %,.0f detections/s%n",
                        (ready - start) / 1e9, steady, count / steady);
                MachineCpu.now().ifPresent(end -> System.out.println("from the start to the end: " + end.since(cpuAtStart.orElseThrow(), count)));
                System.out.println("machine: " + Benchmarks.machine());
            }
        }
    }

    private static long preload(String broker, String topic, long count) {
        VehicleCatalog catalog = VehicleCatalog.load(new Random(7));
        AlertRule suv = AlertRule.suspiciousCategory("SUV");
        long suspicious = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "linger.ms", 20,
                "batch.size", 512 * 1024, "compression.type", "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                Detection d = catalog.next();
                suspicious += suv.matches(d) ? 1 : 0;
                producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(d)), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
        }
        // A lost send would leave the benchmark waiting for records that never came: stop and say why.
        if (failure.get() != null) {
            throw new IllegalStateException("preloading failed; run the benchmark again", failure.get());
        }
        return suspicious;
    }

    private static long stored(PostgresDatabase db) {
        return db.jdbi().withHandle(h -> h.createQuery("select coalesce(sum(count), 0) from make_counts").mapTo(Long.class).one());
    }

    /**
     * Input offsets the exactly-once topology has committed: they are committed in the same transaction as the
     * alerts they produced, so reaching the end means every alert is visible to read_committed readers.
     */
    static long committed(Admin admin, String group, String topic) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
