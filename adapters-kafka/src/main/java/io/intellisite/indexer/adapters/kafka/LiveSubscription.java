package io.intellisite.indexer.adapters.kafka;

import io.intellisite.indexer.application.port.in.AlertEvent;
import io.intellisite.indexer.application.port.in.AlertSubscription;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A subscriber's bounded queue: when it is full the subscriber is cut off, so it never slows the others. */
final class LiveSubscription implements AlertSubscription {
    private final ArrayBlockingQueue<AlertEvent> queue;
    private final Consumer<LiveSubscription> onClose;
    private volatile boolean overflowed;

    LiveSubscription(int capacity, Consumer<LiveSubscription> onClose) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
    }

    /** Called by the feed thread; never blocks. */
    void offer(AlertEvent event) {
        if (!overflowed && !queue.offer(event)) {
            overflowed = true;
            onClose.accept(this);
        }
    }

    @Override
    public Optional<AlertEvent> next(Duration timeout) throws InterruptedException {
        if (overflowed) {
            return Optional.empty();
        }
        return Optional.ofNullable(queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean overflowed() {
        return overflowed;
    }

    @Override
    public void close() {
        onClose.accept(this);
        queue.clear();
    }
}
