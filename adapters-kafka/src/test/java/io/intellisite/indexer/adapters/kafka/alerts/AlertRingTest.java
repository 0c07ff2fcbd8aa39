package io.intellisite.indexer.adapters.kafka.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.model.AlertEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ring's readers park without a timeout; its clock and its signal are what wake them. */
class AlertRingTest {
    private static AlertEvent alert(String id) {
        return new AlertEvent(id, "Toyota", List.of("SUV"), List.of("r"), "{\"id\": \"" + id + "\"}");
    }

    @Test
    void aReaderWithNothingToReadIsWokenByTheClockOnceItsWaitIsOver() throws Exception {
        try (AlertRing ring = new AlertRing(4)) {
            LiveSubscription subscription = new LiveSubscription(ring, ring.head(), s -> { });
            // Ten empty waits of 50 ms: each must end, none may hang for want of a timed park.
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 0; i < 10; i++) {
                    long started = System.nanoTime();
                    assertEquals(Optional.empty(), subscription.next(Duration.ofMillis(50)));
                    assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(50), "not before its time");
                }
            });
        }
    }

    @Test
    void aWaitingReaderIsWokenByTheSignalLongBeforeItsWaitIsOver() throws Exception {
        try (AlertRing ring = new AlertRing(4)) {
            LiveSubscription subscription = new LiveSubscription(ring, ring.head(), s -> { });
            CompletableFuture<Optional<AlertEvent>> read = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    read.complete(subscription.next(Duration.ofHours(1)));
                } catch (InterruptedException e) {
                    read.completeExceptionally(e);
                }
            });
            Thread.sleep(200); // parked by now, most likely; either way it must see the alert
            ring.append(alert("a"));
            ring.signal();
            assertEquals("a", read.get(10, TimeUnit.SECONDS).orElseThrow().id());
        }
    }
}
