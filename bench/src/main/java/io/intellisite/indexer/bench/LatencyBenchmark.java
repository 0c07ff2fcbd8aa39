package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.demo.DetectionProducer;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Produces detections at a fixed rate into the running product and measures, for every alert, the time from
 * the detection's produce timestamp (its detectedAt) to the alert becoming visible to a read_committed consumer.
 */
final class LatencyBenchmark {
    private LatencyBenchmark() {
    }

    static void run(Settings settings, int rate, int seconds, int warmUpSeconds) throws Exception {
        try (IndexerApplication app = IndexerApplication.start(settings)) {
            String broker = app.infrastructure().kafkaBootstrapServers();
            long[] latencies = new long[rate * seconds];
            long[] worstBySecond = new long[Math.max(1, seconds - warmUpSeconds)]; // where in the run the slow ones were
            int n = 0;
            Optional<MachineCpu> cpuAfterWarmUp = Optional.empty();
            Optional<MachineCpu> cpuAtLastSend = Optional.empty();
            AtomicBoolean stop = new AtomicBoolean();
            var topics = ProductSettings.Topics.from(settings).names();
            Stages stages;
            try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "group.id", "latency-" + UUID.randomUUID(),
                    "isolation.level", "read_committed", "auto.offset.reset", "latest", "fetch.max.wait.ms", 5),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(Set.of(topics.alerts()));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                awaitFirstAlert(consumer, broker, topics.detections(), rate);
                Thread producer = startProducing(broker, topics.detections(), (long) rate * seconds, rate, stop);
                long warmUpEnds = System.currentTimeMillis() + warmUpSeconds * 1_000L;
                stages = new Stages(StageReader.detections(broker, topics.detections(), warmUpEnds),
                        StageReader.alerts(broker, topics.alerts(), "read_uncommitted", warmUpEnds),
                        SubscriberProcess.connect(app.httpPort(), "/alerts", 1, "Authorization: Bearer " + Benchmarks.login(app.httpPort())),
                        warmUpEnds);
                // After the last send, keep reading a while: stopping at once would leave out the slowest alerts. A
                // run too short to outlast the backlog after a start (seconds, as the command's test runs it) waits
                // for its first sample a while longer.
                long drainUntil = Long.MAX_VALUE;
                long firstSampleBy = Long.MAX_VALUE;
                while (System.currentTimeMillis() < (n == 0 ? firstSampleBy : drainUntil)) {
                    if (cpuAfterWarmUp.isEmpty() && System.currentTimeMillis() >= warmUpEnds) {
                        cpuAfterWarmUp = MachineCpu.now();
                    }
                    if (drainUntil == Long.MAX_VALUE && !producer.isAlive()) {
                        drainUntil = System.currentTimeMillis() + 2_000;
                        firstSampleBy = drainUntil + 30_000;
                        cpuAtLastSend = MachineCpu.now();
                    }
                    for (var r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.currentTimeMillis();
                        long detectedAt = Instant.parse(Benchmarks.json(r.value()).get("detectedAt").asText()).toEpochMilli();
                        if (detectedAt >= warmUpEnds && n < latencies.length) {
                            long latency = now - detectedAt;
                            latencies[n++] = latency;
                            int second = (int) Math.min(worstBySecond.length - 1, (detectedAt - warmUpEnds) / 1000);
                            worstBySecond[second] = Math.max(worstBySecond[second], latency);
                        }
                    }
                }
                producer.join();
            }
            stages.print();
            if (n == 0) {
                throw new IllegalStateException("no alert came back after the warm-up: is the rule in force, and the pipeline running?");
            }
            System.out.println("worst latency in each second after the warm-up (ms): " + Arrays.toString(worstBySecond));
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            System.out.printf("produce -> alert visible to read_committed: %,d alerts at %,d detections/s after a %d s warm-up: p50 %d ms, p99 %d ms, max %d ms (commit interval %s ms)%n",
                    n, rate, warmUpSeconds, pct(sorted, 50), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                    ProductSettings.Kafka.from(settings).commitInterval().toMillis());
            if (cpuAfterWarmUp.isPresent() && cpuAtLastSend.isPresent()) {
                long sent = (long) rate * (seconds - warmUpSeconds);
                System.out.println("from the warm-up's end to the last send: " + cpuAtLastSend.get().since(cpuAfterWarmUp.get(), sent));
            }
            System.out.println("machine: " + Benchmarks.machine());
        }
    }

    /**
     * Sends detections at {@code rate} until an alert comes back: the pipeline is running and the warm-up starts
     * from there. Started at once, a short run (the command's test in CI) measured nothing: right after a start the
     * pipeline works off a backlog, and its alerts came 1.3 - 2.6 s after their detections here, more than that in CI.
     */
    private static void awaitFirstAlert(KafkaConsumer<byte[], byte[]> alerts, String broker, String topic, int rate) throws InterruptedException {
        AtomicBoolean seen = new AtomicBoolean();
        Thread producer = startProducing(broker, topic, -1, rate, seen);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (alerts.poll(Duration.ofMillis(50)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                seen.set(true);
                throw new IllegalStateException("no alert 120 s after the product's start: is the rule in force, and the pipeline running?");
            }
        }
        seen.set(true);
        producer.join();
    }

    /** Sends {@code count} detections (or until {@code stop}, when negative) at {@code rate} on a thread of its own. */
    private static Thread startProducing(String broker, String topic, long count, int rate, AtomicBoolean stop) {
        return Thread.ofPlatform().start(() -> {
            try (var p = new DetectionProducer(KafkaCluster.at(broker), topic, RandomGenerator.getDefault())) {
                p.produce(count, rate, stop::get);
            }
        });
    }

    /** The stages before and after the one this benchmark times: where the milliseconds go. */
    private record Stages(StageReader detections, StageReader written, SubscriberProcess subscriber, long warmUpEnds) {
        void print() throws Exception {
            detections.close();
            written.close();
            SubscriberProcess.Result sse = subscriber.report(warmUpEnds);
            System.out.printf("stages, each from the detection's timestamp: detection readable %s; alert written (read_uncommitted) %s;"
                    + " alert at an SSE subscriber p50 %d ms, p99 %d ms%n", detections.percentiles(), written.percentiles(), sse.p50(), sse.p99());
        }
    }

    /** The nearest-rank percentile {@code p} of {@code sorted}; 0 when it is empty. */
    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
