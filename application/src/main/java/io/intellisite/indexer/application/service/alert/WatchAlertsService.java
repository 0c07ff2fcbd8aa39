package io.intellisite.indexer.application.service.alert;

import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.application.model.AlertSubscription;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.alert.AlertFilter;
import io.intellisite.indexer.application.port.in.alert.TooManyAlertStreamsException;
import io.intellisite.indexer.application.port.in.alert.WatchAlertsUseCase;
import io.intellisite.indexer.application.port.out.AlertFeed;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows the alerts for one caller, within limits: a stream costs little, but not nothing (a queue, a
 * connection), and one token holder opening streams without end must not starve everyone else.
 */
public final class WatchAlertsService implements WatchAlertsUseCase {
    /** How many alert streams this instance serves at once, and how many of them one caller may hold. */
    public record Limits(int perInstance, int perCaller) {
        public Limits {
            if (perInstance < 1 || perCaller < 1) {
                throw new IllegalArgumentException("stream limits must be at least 1");
            }
        }
    }

    private final AlertFeed feed;
    private final Limits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> openByCaller = new ConcurrentHashMap<>();

    public WatchAlertsService(AlertFeed feed, Limits limits) {
        this.feed = feed;
        this.limits = limits;
    }

    @Override
    public AlertSubscription watch(Principal actor, AlertFilter filter, Optional<String> resumeAfter) {
        Objects.requireNonNull(actor, "an authenticated caller is required");
        String caller = actor.claims().subject();
        reserve(caller);
        AlertSubscription all;
        try {
            all = feed.subscribe(resumeAfter);
        } catch (RuntimeException e) {
            release(caller);
            throw e;
        }
        AtomicBoolean closed = new AtomicBoolean();
        return new AlertSubscription() {
            @Override
            public Optional<AlertEvent> next(Duration timeout) throws InterruptedException {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (true) {
                    long left = deadline - System.nanoTime();
                    Optional<AlertEvent> event = all.next(Duration.ofNanos(Math.max(0, left)));
                    if (event.isEmpty() || filter.matches(event.get())) {
                        return event;
                    }
                }
            }

            @Override
            public boolean overflowed() {
                return all.overflowed();
            }

            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    all.close();
                    release(caller);
                }
            }
        };
    }

    private void reserve(String caller) {
        if (open.incrementAndGet() > limits.perInstance()) {
            open.decrementAndGet();
            throw new TooManyAlertStreamsException("this instance serves as many alert streams as it may; retry later", false);
        }
        if (openByCaller.merge(caller, 1, Integer::sum) > limits.perCaller()) {
            release(caller);
            throw new TooManyAlertStreamsException("you hold " + limits.perCaller() + " alert streams, as many as one caller may;"
                    + " close one first", true);
        }
    }

    private void release(String caller) {
        openByCaller.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
    }
}
