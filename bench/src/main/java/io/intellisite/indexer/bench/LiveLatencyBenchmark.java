package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.http.sse.SseWriter;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./indexer bench live}: detection → subscriber latency of the product beside publish → subscriber of the
 * reference, nginx + Nchan, in one run on the same machine: the same subscribers ({@link SseClients}, a JVM outside
 * both servers), the same rate, the same event size. Prints both, the bound the product is held to (Nchan's p99 + the
 * commit interval + 20 ms; twice that from 10,000 subscribers) and the ratios, and each server's CPU per delivered
 * event: Nchan's worker's, and the product's fan-out (its JVM's CPU with N subscribers less with one, per delivery).
 * Both beside the floor of such a fan-out on this machine, one socket write per delivery ({@link SocketWriteFloor}).
 */
final class LiveLatencyBenchmark {
    /** What one server did from the warm-up's end to the last event sent. */
    private record Phase(SubscriberProcess.Result result, long expected, long cpuNanos, long streamsCpuNanos) {
    }

    private LiveLatencyBenchmark() {
    }

    /** The event Nchan publishes: an alert's JSON as the product writes it, of the same size. */
    private static String event(Instant detectedAt) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"detectedAt\":\"" + detectedAt + "\",\"rules\":[\"suspicious-vehicle\"],"
                + "\"Year\":2020,\"Make\":\"Toyota\",\"Model\":\"Land Cruiser\",\"Category\":\"SUV\"}";
    }

    static void run(Settings settings, int subscribers, int rate, int seconds, int warmUp) throws Exception {
        long sampled = (long) rate * (seconds - warmUp);
        // Before the servers, while this JVM is quiet; an event's frame as the product writes it, chunk header included.
        int frameBytes = SseWriter.frame("alert", "0.0.0", event(Instant.now())).length + "1a4\r\n\r\n".length();
        double floor = SocketWriteFloor.nanosPerWrite(subscribers, rate, Math.max(1, Math.min(20, seconds - warmUp)), frameBytes) / 1e3;
        System.out.printf(Locale.ROOT, "floor, one socket write per delivery (one thread, no HTTP, no wake-up; loopback, read by a selector in"
                + " another JVM): %,d sockets x %,d/s: %.2f µs of CPU per write%n", subscribers, rate, floor);
        Path dir = Files.createTempDirectory("nchan");
        Phase nchan;
        try (NchanReference reference = NchanReference.start(dir, subscribers)) {
            nchan = reference(reference, subscribers, rate, seconds, warmUp);
        }
        print("reference, nginx + Nchan (publish -> subscriber)", subscribers, rate, seconds, nchan);
        double nchanCpu = nchan.cpuNanos() / 1e3 / Math.max(1, sampled * subscribers);
        System.out.printf(Locale.ROOT, "  server CPU %.2f µs per delivered event (its one worker)%n", nchanCpu);

        Phase alone;
        Phase product;
        long commitMs = ProductSettings.Kafka.from(settings).commitInterval().toMillis();
        try (IndexerApplication app = IndexerApplication.start(settings)) {
            String token = Benchmarks.login(app.httpPort());
            String topic = ProductSettings.Topics.from(settings).names().detections();
            // One subscriber first: the JVM's CPU without fan-out, and the JIT's warm-up for the run that counts.
            alone = product(app, token, topic, 1, rate, seconds, warmUp);
            product = product(app, token, topic, subscribers, rate, seconds, warmUp);
        }
        print("product (detection -> subscriber), 1 subscriber", 1, rate, seconds, alone);
        print("product (detection -> subscriber)", subscribers, rate, seconds, product);
        double perExtra = Math.max(1, sampled * (subscribers - 1L));
        double jvmMore = subscribers < 2 ? Double.NaN : (product.cpuNanos() - alone.cpuNanos()) / 1e3 / perExtra;
        double threadsMore = subscribers < 2 ? Double.NaN : (product.streamsCpuNanos() - alone.streamsCpuNanos()) / 1e3 / perExtra;
        // The larger of the two: the JVM's difference also holds the GC and kernel work the fan-out causes elsewhere,
        // but the one-subscriber phase runs first after the start, and its JIT warm-up pulled the difference below what
        // the streams' own threads spent (5/s, 2026-12-02: 4.00 against 20.58 µs).
        double fanOut = Math.max(jvmMore, threadsMore);
        System.out.printf(Locale.ROOT, "  fan-out CPU %.2f µs per delivered event: the JVM's CPU with %,d subscribers less with one %.2f µs,"
                        + " the streams' own threads (virtual-thread carriers and the alert feed) %.2f µs; the larger counts%n",
                fanOut, subscribers, jvmMore, threadsMore);
        System.out.printf(Locale.ROOT, "  against the floor: Nchan's worker %.2f x, the product's fan-out %.2f x; half of Nchan's is %.2f x the floor%n",
                nchanCpu / floor, fanOut / floor, nchanCpu / 2 / floor);
        long bound = (subscribers >= 10_000 ? 2 : 1) * (nchan.result().p99() + commitMs + 20);
        System.out.printf(Locale.ROOT, "bound: %s(Nchan's p99 %d ms + commit interval %d ms + 20 ms) = %d ms; product p99 %d ms: ratio %.2f (%s);"
                        + " p50 %d ms against half the bound: ratio %.2f (%s); fan-out CPU against Nchan's: ratio %.2f (%s, at most 0.5)%n",
                subscribers >= 10_000 ? "2 x " : "", nchan.result().p99(), commitMs, bound, product.result().p99(),
                (double) product.result().p99() / bound, product.result().p99() <= bound ? "met" : "NOT met",
                product.result().p50(), product.result().p50() / (bound / 2.0), product.result().p50() <= bound / 2.0 ? "met" : "NOT met",
                fanOut / nchanCpu, fanOut <= nchanCpu / 2 ? "met" : "NOT met");
        System.out.println("machine: " + Benchmarks.machine());
    }

    private static Phase reference(NchanReference nchan, int subscribers, int rate, int seconds, int warmUp) throws Exception {
        try (SubscriberProcess clients = SubscriberProcess.connect(nchan.port(), "/sub", subscribers, null)) {
            long warmUpEnds = System.currentTimeMillis() + warmUp * 1_000L;
            long[] cpu = pace(rate, seconds, warmUpEnds, nchan::workerCpuNanos, () -> 0, n -> nchan.publish(event(Instant.now())));
            Thread.sleep(drain(seconds));
            return new Phase(clients.report(warmUpEnds), (long) rate * seconds * subscribers, cpu[1] - cpu[0], 0);
        }
    }

    private static Phase product(IndexerApplication app, String token, String topic, int subscribers, int rate, int seconds,
                                 int warmUp) throws Exception {
        byte[] suv = DetectionJson.detection(new Detection(2020, "Toyota", "Land Cruiser", "SUV"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SubscriberProcess clients = SubscriberProcess.connect(app.httpPort(), "/alerts", subscribers, "Authorization: Bearer " + token);
             var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", app.infrastructure().kafkaBootstrapServers(),
                     "linger.ms", 0), new ByteArraySerializer(), new ByteArraySerializer())) {
            long warmUpEnds = System.currentTimeMillis() + warmUp * 1_000L;
            // The record's timestamp, set at send, is the alert's detectedAt.
            long[] cpu = pace(rate, seconds, warmUpEnds, os::getProcessCpuTime, StreamThreadsCpu::nanos,
                    n -> producer.send(new ProducerRecord<>(topic, null, suv)));
            Thread.sleep(drain(seconds));
            return new Phase(clients.report(warmUpEnds), (long) rate * seconds * subscribers, cpu[1] - cpu[0], cpu[3] - cpu[2]);
        }
    }

    /** How long to go on reading after the last send, so the slowest events still count: 2 s, less in short runs. */
    private static long drain(int seconds) {
        return Math.min(2_000, seconds * 500L);
    }

    /** Sends {@code rate} a second for {@code seconds}; returns both CPU counters at the warm-up's end and at the last send. */
    private static long[] pace(int rate, int seconds, long warmUpEnds, java.util.function.LongSupplier cpu,
                               java.util.function.LongSupplier streamsCpu, Pacer.Step send) throws Exception {
        long[] marks = {-1, 0, 0, 0};
        Pacer.run(rate, seconds, n -> {
            if (marks[0] < 0 && System.currentTimeMillis() >= warmUpEnds) {
                marks[0] = cpu.getAsLong();
                marks[2] = streamsCpu.getAsLong();
            }
            send.run(n);
        });
        marks[1] = cpu.getAsLong();
        marks[3] = streamsCpu.getAsLong();
        if (marks[0] < 0) {
            marks[0] = marks[1];
            marks[2] = marks[3];
        }
        return marks;
    }

    private static void print(String what, int subscribers, int rate, int seconds, Phase phase) {
        SubscriberProcess.Result r = phase.result();
        System.out.printf(Locale.ROOT, "%s: %,d subscribers x %,d/s for %d s: p50 %d ms, p99 %d ms, max %d ms (%,d samples);"
                        + " delivered %,d of %,d, %,d dropped%n", what, subscribers, rate, seconds, r.p50(), r.p99(), r.max(),
                r.samples(), r.delivered(), phase.expected(), r.dropped());
    }
}
