package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.application.model.AlertSubscription;
import io.intellisite.indexer.application.port.out.AlertFeed;
import io.intellisite.indexer.domain.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** An alert feed in memory: event ids count the alerts published so far; history allows resuming. */
public final class InMemoryAlertFeed implements AlertFeed {
    private final int capacity;
    private final List<AlertEvent> history = new ArrayList<>();
    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();

    public InMemoryAlertFeed(int capacity) {
        this.capacity = capacity;
    }

    /** Publishes an alert with this JSON body and these filter fields; returns its event id. */
    public synchronized String publish(String make, List<String> categories, List<String> rules, String json) {
        AlertEvent event = new AlertEvent(String.valueOf(history.size() + 1), make, categories, rules, json);
        history.add(event);
        subscribers.forEach(s -> s.offer(event));
        return event.id();
    }

    @Override
    public synchronized AlertSubscription subscribe(Optional<String> resumeAfter) {
        int from = resumeAfter.map(InMemoryAlertFeed::parse).orElse(history.size());
        if (from > history.size()) {
            throw new InvalidValueException("Last-Event-ID (or since) is not an event id of this stream");
        }
        Subscription s = new Subscription(history.subList(from, history.size()));
        subscribers.add(s);
        return s;
    }

    private static int parse(String id) {
        try {
            int n = Integer.parseInt(id.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // same answer below
        }
        throw new InvalidValueException("Last-Event-ID (or since) is not an event id of this stream");
    }

    @Override
    public int subscriberCount() {
        return subscribers.size();
    }

    private final class Subscription implements AlertSubscription {
        private final ArrayBlockingQueue<AlertEvent> queue = new ArrayBlockingQueue<>(capacity);
        private final List<AlertEvent> missed;
        private int replayed;
        private volatile boolean overflowed;

        Subscription(List<AlertEvent> missed) {
            this.missed = List.copyOf(missed);
        }

        void offer(AlertEvent event) {
            if (!overflowed && !queue.offer(event)) {
                overflowed = true;
                subscribers.remove(this);
            }
        }

        @Override
        public Optional<AlertEvent> next(Duration timeout) throws InterruptedException {
            if (replayed < missed.size()) {
                return Optional.of(missed.get(replayed++));
            }
            return overflowed ? Optional.empty() : Optional.ofNullable(queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean overflowed() {
            return overflowed;
        }

        @Override
        public boolean replaying() {
            return replayed < missed.size();
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
