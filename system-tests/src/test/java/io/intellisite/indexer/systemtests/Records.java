package io.intellisite.indexer.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the product wrote to a topic, read from its start by a consumer that assigns itself every partition. */
final class Records {
    private Records() {
    }

    /**
     * Every record of {@code topic} as a reader with {@code isolation} sees it: read until {@code expected} came
     * and then 3 s more (so that a duplicate shows), or for 60 s at most. No consumer group: a group's rebalance
     * (its coordinator still loading after a broker's restart, say) sends a member back to its last auto-committed
     * offset, so the same record would be read twice and look like a duplicate the product wrote.
     */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String broker, String topic, long expected, String isolation) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "isolation.level", isolation),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                var batch = consumer.poll(Duration.ofMillis(200));
                batch.forEach(out::add);
                if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // catch any duplicate
                }
            }
        }
        return out;
    }

    /** Asked again while empty: a consumer answers a topic it does not know yet (just created) with no partitions. */
    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic, long deadline) {
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (!partitions.isEmpty() || System.nanoTime() > deadline) {
                return partitions;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return partitions;
            }
        }
    }
}
