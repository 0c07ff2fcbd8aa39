package io.intellisite.indexer.adapters.kafka.alerts;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The alerts topic as the live feed and the replays of resuming subscribers read it: committed alerts only, no
 * consumer group (every instance reads everything), positions kept by the feed rather than committed.
 */
final class AlertTopic {
    private static final System.Logger LOG = System.getLogger(AlertTopic.class.getName());
    private static final AtomicInteger CONSUMERS = new AtomicInteger();
    private final String name;
    private final Map<String, Object> consumerConfig;
    private final ReentrantLock lookupLock = new ReentrantLock();
    private Lookup lastLookup; // guarded by lookupLock

    /** {@code metadataMaxAge}: how old the partition count a consumer answers from may be. */
    AlertTopic(KafkaCluster cluster, String name, Duration metadataMaxAge) {
        this.name = name;
        this.consumerConfig = cluster.config(Map.of(
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) metadataMaxAge.toMillis(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // A position retention has deleted resumes from the oldest alert left, not from the newest.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000));
    }

    String name() {
        return name;
    }

    KafkaConsumer<byte[], byte[]> newConsumer(String role) {
        return newConsumer(role, Map.of());
    }

    /**
     * {@code role} names the consumer ({@code intellisite-alerts-feed-1}): its metrics, lag per partition
     * included, are told apart by this client id, which Kafka would otherwise make {@code consumer-null-N}.
     */
    KafkaConsumer<byte[], byte[]> newConsumer(String role, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        // Numbered because clients sharing an id in one JVM clash on their JMX names (Kafka warns of each).
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "intellisite-alerts-" + role + "-" + CONSUMERS.incrementAndGet());
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A topic's partitions are numbered from 0, so a count names them all. */
    List<TopicPartition> partitions(int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(name, p)).toList();
    }

    /** Assigns {@code consumer} every partition of the topic at its end: where a feed that starts now begins. */
    AlertPosition assignAtEnd(KafkaConsumer<byte[], byte[]> consumer, Duration timeout) {
        List<TopicPartition> all = partitions(partitionsSeenBy(consumer, timeout));
        consumer.assign(all);
        consumer.seekToEnd(all);
        return new AlertPosition(all.stream().mapToLong(consumer::position).toArray());
    }

    /** How many partitions {@code consumer} knows of, from its cached metadata (at most the max age old). */
    int partitionsSeenBy(KafkaConsumer<byte[], byte[]> consumer, Duration timeout) {
        return consumer.partitionsFor(name, timeout).size();
    }

    /**
     * How many partitions the topic has, from metadata at most {@code maxAge} old, looked up with a new consumer
     * (which has none cached) when the last lookup is older. The question comes from event ids that clients send,
     * so clients repeating it, or asking all at once, cost one short-lived consumer per {@code maxAge}, not one
     * per request; a failed lookup counts too, so a broker that is away is not asked again by every request.
     * 0 when the broker does not answer.
     */
    int partitionsNow(Duration timeout, Duration maxAge) {
        // A lock, not synchronized: on Java 21 a virtual thread blocked inside synchronized pins its carrier.
        lookupLock.lock();
        try {
            if (lastLookup != null && System.nanoTime() - lastLookup.at() < maxAge.toNanos()) {
                return lastLookup.partitions();
            }
            lastLookup = new Lookup(lookUp(timeout), System.nanoTime());
            return lastLookup.partitions();
        } finally {
            lookupLock.unlock();
        }
    }

    private int lookUp(Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> c = newConsumer("lookup")) {
            return c.partitionsFor(name, timeout).size();
        } catch (KafkaException e) {
            LOG.log(Level.WARNING, "could not count the partitions of " + name + ": " + e.getMessage());
            return 0;
        }
    }

    private record Lookup(int partitions, long at) {
    }
}
