package io.intellisite.indexer.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One stage of the way from a detection to a subscriber, seen from outside the product: a consumer of a topic that
 * times each record it reads against the detection's timestamp. Read uncommitted, the alerts topic shows when the
 * pipeline wrote an alert; read committed, when its transaction let readers have it.
 */
final class StageReader implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stop;
    private long[] latencies = new long[1024];
    private int count;

    private StageReader(String broker, String topic, String isolation, long warmUpEnds, ToLongFunction<ConsumerRecord<byte[], byte[]>> detectedAt) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", broker, "group.id", "stage-" + UUID.randomUUID(),
                "isolation.level", isolation, "auto.offset.reset", "latest", "fetch.max.wait.ms", 5),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Set.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        thread = Thread.ofPlatform().name("stage-" + topic + "-" + isolation).start(() -> {
            try (consumer) {
                while (!stop) {
                    for (var r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.currentTimeMillis();
                        long at = detectedAt.applyAsLong(r);
                        if (at >= warmUpEnds) {
                            add(now - at);
                        }
                    }
                }
            }
        });
    }

    /** Times the detections as they become readable (their record timestamp is the detection's time). */
    static StageReader detections(String broker, String topic, long warmUpEnds) {
        return new StageReader(broker, topic, "read_uncommitted", warmUpEnds, ConsumerRecord::timestamp);
    }

    /** Times the alerts by their detectedAt, as written ({@code read_uncommitted}) or as committed. */
    static StageReader alerts(String broker, String topic, String isolation, long warmUpEnds) {
        return new StageReader(broker, topic, isolation, warmUpEnds,
                r -> Instant.parse(Benchmarks.json(r.value()).get("detectedAt").asText()).toEpochMilli());
    }

    private synchronized void add(long latency) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = latency;
    }

    /** "p50 x ms, p99 y ms" over what was read after the warm-up. */
    synchronized String percentiles() {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return "no sample";
        }
        return "p50 %d ms, p99 %d ms".formatted(LatencyBenchmark.pct(sorted, 50), LatencyBenchmark.pct(sorted, 99));
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
    }
}
