package io.intellisite.indexer.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the product wrote to a topic, read from its start by a consumer group of its own. */
final class Records {
    private Records() {
    }

    /**
     * Every record of {@code topic} as a reader with {@code isolation} sees it: read until {@code expected} came
     * and then 3 s more (so that a duplicate shows), or for 60 s at most.
     */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String broker, String topic, long expected, String isolation) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "group.id", "check-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", isolation), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
}
