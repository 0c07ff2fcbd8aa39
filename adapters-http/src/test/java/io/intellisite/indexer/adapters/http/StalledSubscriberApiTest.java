package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.service.alert.WatchAlertsService;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 19: a subscriber that stops reading cannot keep its stream, and its stream slot, for good. */
class StalledSubscriberApiTest extends HttpApiContract {
    private static final Duration STALL = Duration.ofSeconds(2);

    @Override
    protected Duration stalledWrite() {
        return STALL;
    }

    @Override
    protected WatchAlertsService.Limits alertStreamLimits() {
        return new WatchAlertsService.Limits(1_000, 1);
    }

    @Test
    void aSubscriberThatReadsNothingIsCutAndItsSlotFreed() throws Exception {
        String token = adminToken();
        double cut = metric("intellisite_sse_streams_ended_total", "reason", "stalled");
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4 * 1024); // before connecting, so the window stays small
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
            stalled.getOutputStream().write(("GET /alerts?access_token=" + token + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertTrue(readHeaders(stalled.getInputStream()).startsWith("HTTP/1.1 200"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (alerts.subscriberCount() != 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            try (SseTestClient second = new SseTestClient(uri("/alerts?access_token=" + token), Map.of())) {
                assertEquals(429, second.status(), "the stalled stream holds the caller's one slot");
            }
            // Paced, so the server writes each as it comes until the socket buffers (4 MiB at most here) are full and a
            // write blocks; all at once, the queue would overflow first and the stream end with a reconnect event.
            String padding = "x".repeat(50_000);
            for (int i = 0; i < 500; i++) {
                alerts.publish("Make", List.of("SUV"), List.of("r"), "{\"n\":" + i + ",\"pad\":\"" + padding + "\"}");
                Thread.sleep(2);
            }
            long started = System.nanoTime();
            int status = 429;
            while (status == 429 && System.nanoTime() - started < STALL.plusSeconds(8).toNanos()) {
                Thread.sleep(200);
                try (SseTestClient again = new SseTestClient(uri("/alerts?access_token=" + token), Map.of())) {
                    status = again.status();
                }
            }
            assertEquals(200, status, "the stalled stream was cut and its slot given back");
            awaitMetric("intellisite_sse_streams_ended_total", "reason", "stalled", cut + 1);
        }
    }

    private static String readHeaders(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
