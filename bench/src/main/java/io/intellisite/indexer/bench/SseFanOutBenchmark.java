package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * N subscribers on GET /alerts (plain sockets, one virtual thread each, in a second JVM: {@link SseClients})
 * while alerts are published at a fixed rate: counts deliveries and drops, samples detection → subscriber
 * latency on one subscriber in a hundred, and samples this (the server's) heap. Clients and server share the
 * machine's cores.
 */
final class SseFanOutBenchmark {
    private SseFanOutBenchmark() {
    }

    static void run(Settings settings, int subscribers, int rate, int seconds, int warmUp) throws Exception {
        try (IndexerApplication app = IndexerApplication.start(settings)) {
            String token = Benchmarks.login(app.httpPort());
            SubscriberProcess clients = SubscriberProcess.connect(app.httpPort(), "/alerts", subscribers, "Authorization: Bearer " + token);
            System.out.printf("%,d subscribers connected (in a separate JVM)%n", subscribers);
            long[] maxHeap = {0};
            // The first seconds warm the JIT and the pipeline up: latency is sampled after them.
            long warmUpEnds = System.currentTimeMillis() + warmUp * 1_000L;
            JvmActivity[] atWarmUpEnd = {null};
            byte[] suv = DetectionJson.detection(new Detection(2020, "Toyota", "Land Cruiser", "SUV"));
            try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", app.infrastructure().kafkaBootstrapServers(),
                    "linger.ms", 0), new ByteArraySerializer(), new ByteArraySerializer())) {
                String topic = ProductSettings.Topics.from(settings).names().detections();
                Pacer.run(rate, seconds, n -> {
                    if (atWarmUpEnd[0] == null && System.currentTimeMillis() >= warmUpEnds) {
                        atWarmUpEnd[0] = JvmActivity.now();
                    }
                    if (n % rate == 0) {
                        maxHeap[0] = Math.max(maxHeap[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    }
                    producer.send(new ProducerRecord<>(topic, null, suv));
                });
            }
            String serverActivity = atWarmUpEnd[0] == null ? "" : "; while sampled, the server's JVM spent " + JvmActivity.now().since(atWarmUpEnd[0]);
            Thread.sleep(3_000);
            SubscriberProcess.Result r = clients.report(warmUpEnds);
            long expected = (long) rate * seconds * subscribers;
            System.out.printf("%,d subscribers x %,d alerts/s for %d s: delivered %,d of %,d events (%.1f%%), %,d subscribers dropped as too slow%n",
                    subscribers, rate, seconds, r.delivered(), expected, 100.0 * r.delivered() / expected, r.dropped());
            String latency = r.samples() == 0 ? "no sample (the run ended within the warm-up: use --SECONDS over --WARMUP)"
                    : "p50 %d ms, p99 %d ms, max %d ms".formatted(r.p50(), r.p99(), r.max());
            System.out.printf("detection -> subscriber latency (sampled after a %d s warm-up): %s; server heap used at most %,d MiB%s%n",
                    warmUp, latency, maxHeap[0] / (1024 * 1024), serverActivity);
            System.out.println("machine: " + Benchmarks.machine());
        }
    }
}
