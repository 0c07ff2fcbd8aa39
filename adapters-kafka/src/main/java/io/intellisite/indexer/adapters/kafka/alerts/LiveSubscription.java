package io.intellisite.indexer.adapters.kafka.alerts;

import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.application.model.AlertSubscription;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A subscriber's position in the shared {@link AlertRing}: it holds no alerts of its own, so a slow
 * subscriber costs the others nothing; once the ring has overwritten what it has not read yet, it is cut off.
 */
final class LiveSubscription implements AlertSubscription {
    private final AlertRing ring;
    private final Consumer<LiveSubscription> onClose;
    private long next;
    private volatile boolean overflowed;

    LiveSubscription(AlertRing ring, long from, Consumer<LiveSubscription> onClose) {
        this.ring = ring;
        this.next = from;
        this.onClose = onClose;
    }

    @Override
    public Optional<AlertEvent> next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!overflowed) {
            if (next < ring.head()) {
                AlertEvent event = ring.at(next);
                if (event == null) {
                    overflowed = true;
                    onClose.accept(this);
                    break;
                }
                next++;
                return Optional.of(event);
            }
            if (deadline - System.nanoTime() <= 0) {
                break;
            }
            ring.await(next, deadline);
        }
        return Optional.empty();
    }

    /** Also true as soon as the ring has overwritten an alert this subscriber has not read, read or not. */
    @Override
    public boolean overflowed() {
        if (!overflowed && ring.head() - next > ring.capacity()) {
            overflowed = true;
            onClose.accept(this);
        }
        return overflowed;
    }

    @Override
    public void close() {
        onClose.accept(this);
    }
}
