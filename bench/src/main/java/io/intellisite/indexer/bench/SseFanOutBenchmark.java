package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
            String java = ProcessHandle.current().info().command().orElse("java");
            Process clients = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    SseClients.class.getName(), String.valueOf(app.httpPort()), token, String.valueOf(subscribers))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader fromClients = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
            if (!"connected".equals(fromClients.readLine())) {
                throw new IllegalStateException("the subscribers could not connect");
            }
            System.out.printf("%,d subscribers connected (in a separate JVM)%n", subscribers);
            long maxHeap = 0;
            // The first seconds warm the JIT and the pipeline up: latency is sampled after them.
            long warmUpEnds = System.currentTimeMillis() + warmUp * 1_000L;
            JvmActivity atWarmUpEnd = null;
            byte[] suv = DetectionJson.detection(new Detection(2020, "Toyota", "Land Cruiser", "SUV"));
            try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", app.infrastructure().kafkaBootstrapServers(),
                    "linger.ms", 0), new ByteArraySerializer(), new ByteArraySerializer())) {
                long start = System.nanoTime();
                for (long n = 0; n < (long) rate * seconds; n++) {
                    producer.send(new ProducerRecord<>(ProductSettings.Topics.from(settings).names().detections(), null, suv));
                    long wait = start + (n + 1) * 1_000_000_000L / rate - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (atWarmUpEnd == null && System.currentTimeMillis() >= warmUpEnds) {
                        atWarmUpEnd = JvmActivity.now();
                    }
                    if (n % rate == 0) {
                        maxHeap = Math.max(maxHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    }
                }
            }
            String serverActivity = atWarmUpEnd == null ? "" : "; while sampled, the server's JVM spent " + JvmActivity.now().since(atWarmUpEnd);
            Thread.sleep(3_000);
            PrintStream toClients = new PrintStream(clients.getOutputStream(), true, StandardCharsets.UTF_8);
            toClients.println("report " + warmUpEnds);
            List<Long> r = Arrays.stream(fromClients.readLine().split(" ")).skip(1).map(Long::parseLong).toList();
            clients.waitFor();
            long expected = (long) rate * seconds * subscribers;
            System.out.printf("%,d subscribers x %,d alerts/s for %d s: delivered %,d of %,d events (%.1f%%), %,d subscribers dropped as too slow%n",
                    subscribers, rate, seconds, r.get(0), expected, 100.0 * r.get(0) / expected, r.get(1));
            String latency = r.get(2) < 0 ? "no sample (the run ended within the warm-up: use --SECONDS over --WARMUP)"
                    : "p50 %d ms, p99 %d ms, max %d ms".formatted(r.get(2), r.get(3), r.get(4));
            System.out.printf("detection -> subscriber latency (sampled after a %d s warm-up): %s; server heap used at most %,d MiB%s%n",
                    warmUp, latency, maxHeap / (1024 * 1024), serverActivity);
            System.out.println("machine: " + Benchmarks.machine());
        }
    }
}
