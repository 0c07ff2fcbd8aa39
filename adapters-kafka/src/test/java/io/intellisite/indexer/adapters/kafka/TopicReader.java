package io.intellisite.indexer.adapters.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a test's pipeline wrote to a topic, as a {@code read_committed} reader sees it from the start. No consumer group:
 * every partition is assigned, so a rebalance cannot send the reader back and show a record twice.
 */
public final class TopicReader {
    private TopicReader() {
    }

    /** The records of {@code topic}, once {@code expected} are there or {@code wait} has passed. */
    public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrapServers, String topic, int expected, Duration wait) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // Asked again while empty: a topic just created may not be known to the consumer yet.
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
