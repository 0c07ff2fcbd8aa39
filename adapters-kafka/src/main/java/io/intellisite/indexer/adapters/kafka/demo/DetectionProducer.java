package io.intellisite.indexer.adapters.kafka.demo;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes random realistic detections, as the cameras' gateway would, at a given rate or as fast as possible. */
public final class DetectionProducer implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final VehicleCatalog catalog;

    public DetectionProducer(KafkaCluster cluster, String topic, RandomGenerator random) {
        this.producer = new KafkaProducer<>(cluster.config(Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)), new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.catalog = VehicleCatalog.load(random);
    }

    /**
     * Sends {@code count} detections (or until {@code stop} says so when count is negative) at
     * {@code perSecond} (0 = as fast as possible). Keys are absent, as the prototype's were.
     */
    public long produce(long count, int perSecond, BooleanSupplier stop) {
        long sent = 0;
        long start = System.nanoTime();
        while ((count < 0 || sent < count) && !stop.getAsBoolean()) {
            producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(catalog.next())));
            sent++;
            if (perSecond > 0) {
                long due = start + sent * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
            }
        }
        producer.flush();
        return sent;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
