package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.http.SseTestClient;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 subscribers connect to /alerts and drop at random (some resuming with Last-Event-ID, which costs a
 * replay consumer) while alerts flow, beside a subscriber that stops reading and one that reads everything:
 * the reader misses nothing, and once they have all left, nothing they used is still held (subscriptions,
 * Kafka consumers, platform threads, heap).
 */
class SseChurnTest {
    private static final int CHURNING = 1_000;

    @Test
    void subscribersComingAndGoingAtRandomLeaveNothingBehind(@TempDir Path dir) throws Exception {
        String run = "churn" + System.nanoTime();
        TestInfrastructure.emptyDatabase();
        Map<String, String> settings = TestInfrastructure.productSettings(dir, run);
        // A stream notices its client left at its next write: with no alerts, that is the heartbeat.
        settings.put("SSE_HEARTBEAT_SECONDS", "2");
        // Every churning stream is the admin's, up to 100 at once plus the reader and the stalled one.
        settings.put("SSE_MAX_STREAMS_PER_USER", "110");
        try (IndexerApplication app = IndexerApplication.start(Settings.load(settings))) {
            int port = app.httpPort();
            String token = ProductClient.adminToken(port);
            awaitSubscribers(port, 0);
            long threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            int consumersBefore = kafkaConsumers();
            long heapBefore = heapAfterGc();

            AtomicBoolean flowing = new AtomicBoolean(true);
            AtomicLong produced = new AtomicLong();
            String recentId = null;
            long readerGot = 0;
            try (SseTestClient reader = new SseTestClient(URI.create("http://127.0.0.1:" + port + "/alerts"),
                    Map.of("Authorization", "Bearer " + token));
                 Socket stalled = open(port, token, null)) {
                Thread producer = Thread.ofPlatform().start(() -> produce(settings.get("DETECTIONS_TOPIC"), flowing, produced));
                Semaphore concurrent = new Semaphore(100);
                List<Thread> churn = new ArrayList<>();
                for (int i = 0; i < CHURNING; i++) {
                    if (i % 50 == 0) {
                        for (SseTestClient.Event event : reader.take("alert", 1, Duration.ofSeconds(10))) {
                            readerGot++;
                            recentId = event.id();
                        }
                    }
                    concurrent.acquire();
                    String resumeFrom = i % 4 == 0 ? recentId : null;
                    churn.add(Thread.ofVirtual().start(() -> {
                        try {
                            visit(port, token, resumeFrom);
                        } finally {
                            concurrent.release();
                        }
                    }));
                }
                for (Thread t : churn) {
                    t.join();
                }
                flowing.set(false);
                producer.join();
                long expected = produced.get();
                readerGot += reader.take("alert", (int) (expected - readerGot), Duration.ofSeconds(30)).size();
                assertEquals(expected, readerGot, "the reading subscriber got every alert");
                assertEquals(List.of(), reader.take("alert", 1, Duration.ofSeconds(1)), "and no alert twice");
                assertTrue(stalled.isConnected());
            }

            awaitSubscribers(port, 0);
            assertEquals(consumersBefore, kafkaConsumers(), "every replay consumer was closed");
            Eventually.waitFor(() -> ManagementFactory.getThreadMXBean().getThreadCount() <= threadsBefore + 5,
                    Duration.ofSeconds(20));
            long heapAfter = heapAfterGc();
            assertTrue(heapAfter < heapBefore + 64L * 1024 * 1024,
                    "heap after GC grew from " + heapBefore / 1_048_576 + " to " + heapAfter / 1_048_576 + " MiB");
        }
    }

    /** Connects, maybe resumes, reads for a random while (or not at all), then drops the connection. */
    private static void visit(int port, String token, String lastEventId) {
        try (Socket socket = open(port, token, lastEventId)) {
            long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(300) * 1_000_000;
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(50);
            byte[] buffer = new byte[4096];
            while (System.nanoTime() < until) {
                try {
                    if (in.read(buffer) < 0) {
                        return;
                    }
                } catch (java.net.SocketTimeoutException quiet) {
                    // keep the stream open a little longer
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Socket open(int port, String token, String lastEventId) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        String request = "GET /alerts HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token
                + (lastEventId == null ? "" : "\r\nLast-Event-ID: " + lastEventId) + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** An SUV every 5 ms until told to stop: each one is an alert. */
    private static void produce(String topic, AtomicBoolean flowing, AtomicLong produced) {
        try (var producer = TestInfrastructure.producer()) {
            while (flowing.get()) {
                producer.send(new ProducerRecord<>(topic, DetectionJson.detection(new Detection(2020, "Jeep", "Wrangler", "SUV")))).get();
                produced.incrementAndGet();
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitSubscribers(int port, int expected) throws Exception {
        Eventually.waitFor(() -> subscribers(port) == expected, Duration.ofSeconds(30));
    }

    private static int subscribers(int port) {
        try {
            var health = Json.parse(ProductClient.send("GET", port, "/health/ready", null, null).body().getBytes());
            for (var check : health.get("checks")) {
                if (check.get("name").asText().equals("alerts")) {
                    return check.get("data").get("subscribers").asInt();
                }
            }
        } catch (Exception notYet) {
            // retried by the caller
        }
        return -1;
    }

    private static int kafkaConsumers() throws Exception {
        return ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("kafka.consumer:type=app-info,*"), null).size();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
