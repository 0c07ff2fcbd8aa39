package io.intellisite.indexer.bootstrap.bench;

import io.intellisite.indexer.adapters.kafka.DetectionJson;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * N subscribers on GET /alerts (plain sockets, one virtual thread each, in this same JVM) while alerts are
 * published at a fixed rate: counts deliveries and drops, samples detection → subscriber latency on one
 * subscriber in a hundred, and samples the heap. Client and server share the machine's cores.
 */
final class SseFanOutBenchmark {
    private SseFanOutBenchmark() {
    }

    static void run(Settings settings, int subscribers, int rate, int seconds) throws Exception {
        try (IndexerApplication app = IndexerApplication.start(settings)) {
            int port = app.httpPort();
            String token = Benchmarks.login(port);
            AtomicLong delivered = new AtomicLong();
            AtomicInteger connected = new AtomicInteger();
            AtomicInteger dropped = new AtomicInteger();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong warmUpEnds = new AtomicLong(Long.MAX_VALUE);
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                sockets.add(socket);
                boolean sample = i % 100 == 0;
                Thread.ofVirtual().start(() -> read(socket, token, sample, delivered, connected, dropped, latencies, warmUpEnds));
            }
            while (connected.get() < subscribers) {
                Thread.sleep(100);
            }
            System.out.printf("%,d subscribers connected%n", subscribers);
            long maxHeap = 0;
            String topic = settings.text("DETECTIONS_TOPIC");
            byte[] suv = DetectionJson.detection(new Detection(2020, "Toyota", "Land Cruiser", "SUV"));
            try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", app.infrastructure().kafkaBootstrapServers(),
                    "linger.ms", 0), new ByteArraySerializer(), new ByteArraySerializer())) {
                long start = System.nanoTime();
                // The first 5 s warm the JIT and the pipeline up: latency is sampled after them.
                warmUpEnds.set(System.currentTimeMillis() + 5_000);
                for (long n = 0; n < (long) rate * seconds; n++) {
                    producer.send(new ProducerRecord<>(topic, null, suv));
                    long due = start + (n + 1) * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (n % rate == 0) {
                        maxHeap = Math.max(maxHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    }
                }
            }
            Thread.sleep(3_000);
            long expected = (long) rate * seconds * subscribers;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%,d subscribers x %,d alerts/s for %d s: delivered %,d of %,d events (%.1f%%), %,d subscribers dropped as too slow%n",
                    subscribers, rate, seconds, delivered.get(), expected, 100.0 * delivered.get() / expected, dropped.get());
            if (sorted.length > 0) {
                System.out.printf("detection -> subscriber latency (sampled after a 5 s warm-up): p50 %d ms, p99 %d ms, max %d ms; heap used at most %,d MiB%n",
                        sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1], maxHeap / (1024 * 1024));
            }
            System.out.println("machine: " + Benchmarks.machine());
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static void read(Socket socket, String token, boolean sample, AtomicLong delivered, AtomicInteger connected,
                             AtomicInteger dropped, ConcurrentLinkedQueue<Long> latencies, AtomicLong warmUpEnds) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /alerts HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 64 * 1024);
            String line;
            boolean counted = false;
            while ((line = in.readLine()) != null) {
                if (!counted && line.startsWith(": alerts")) {
                    connected.incrementAndGet();
                    counted = true;
                } else if (line.startsWith("event: reconnect")) {
                    dropped.incrementAndGet();
                } else if (line.startsWith("data: {\"id\"")) {
                    delivered.incrementAndGet();
                    if (sample) {
                        int at = line.indexOf("\"detectedAt\":\"") + 14;
                        long detectedAt = Instant.parse(line.substring(at, line.indexOf('"', at))).toEpochMilli();
                        if (detectedAt >= warmUpEnds.get()) {
                            latencies.add(System.currentTimeMillis() - detectedAt);
                        }
                    }
                }
            }
        } catch (Exception closed) {
            // the benchmark closed the socket
        }
    }
}
