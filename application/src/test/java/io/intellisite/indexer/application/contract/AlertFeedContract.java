package io.intellisite.indexer.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.application.model.AlertSubscription;
import io.intellisite.indexer.application.port.out.AlertFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link AlertFeed} must do; run against the in-memory and the Kafka feed. */
public abstract class AlertFeedContract {
    /** A feed over a fresh, empty stream whose subscribers hold at most {@code capacity} undelivered alerts. */
    protected abstract AlertFeed feed(int capacity);

    /** Publishes an alert (of make {@code make}) into the stream under {@code feed}. */
    protected abstract void publish(String make, int n);

    protected static List<AlertEvent> take(AlertSubscription s, int count) throws InterruptedException {
        List<AlertEvent> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (out.size() < count && System.nanoTime() < deadline) {
            s.next(Duration.ofMillis(100)).ifPresent(out::add);
        }
        return out;
    }

    private static List<String> makes(List<AlertEvent> events) {
        return events.stream().map(AlertEvent::make).toList();
    }

    @Test
    void everySubscriberGetsEveryAlertPublishedAfterItConnects() throws Exception {
        AlertFeed feed = feed(100);
        try (AlertSubscription a = feed.subscribe(Optional.empty()); AlertSubscription b = feed.subscribe(Optional.empty())) {
            assertEquals(2, feed.subscriberCount());
            for (int i = 0; i < 20; i++) {
                publish("Make" + i, i);
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add("Make" + i);
            }
            assertEquals(expected.size(), take(a, 20).size());
            assertEquals(expected, makes(take(b, 20)).stream().sorted((x, y) -> Integer.compare(
                    Integer.parseInt(x.substring(4)), Integer.parseInt(y.substring(4)))).toList());
        }
        assertEquals(0, feed.subscriberCount());
    }

    @Test
    void resumingAfterTheLastSeenIdReplaysTheMissedAlertsThenLiveOnesWithNoGapOrDuplicate() throws Exception {
        AlertFeed feed = feed(100);
        String lastSeen;
        List<String> seen = new ArrayList<>();
        try (AlertSubscription first = feed.subscribe(Optional.empty())) {
            for (int i = 0; i < 10; i++) {
                publish("Make" + i, i);
            }
            List<AlertEvent> got = take(first, 10);
            assertEquals(10, got.size());
            List<AlertEvent> kept = got.subList(0, 4);
            kept.forEach(e -> seen.add(e.make()));
            lastSeen = kept.getLast().id();
        }
        for (int i = 10; i < 15; i++) {
            publish("Make" + i, i);
        }
        try (AlertSubscription resumed = feed.subscribe(Optional.of(lastSeen))) {
            List<AlertEvent> missed = take(resumed, 11);
            for (int i = 15; i < 20; i++) {
                publish("Make" + i, i);
            }
            List<AlertEvent> live = take(resumed, 5);
            missed.forEach(e -> seen.add(e.make()));
            live.forEach(e -> seen.add(e.make()));
            assertTrue(resumed.next(Duration.ofMillis(500)).isEmpty(), "no duplicate after the live ones");
        }
        assertEquals(20, seen.size(), seen.toString());
        assertEquals(20, seen.stream().distinct().count(), seen.toString());
    }

    @Test
    void aSlowSubscriberOverflowsAndIsCutOffWithoutAffectingAFastOne() throws Exception {
        AlertFeed feed = feed(5);
        try (AlertSubscription slow = feed.subscribe(Optional.empty()); AlertSubscription fast = feed.subscribe(Optional.empty())) {
            List<AlertEvent> fastGot = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                publish("Make" + i, i);
                fastGot.addAll(take(fast, 1));
            }
            assertEquals(30, fastGot.size());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!slow.overflowed() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(slow.overflowed());
            assertFalse(fast.overflowed());
            assertEquals(1, feed.subscriberCount());
        }
    }
}
