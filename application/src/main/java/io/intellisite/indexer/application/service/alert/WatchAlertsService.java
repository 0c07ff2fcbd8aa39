package io.intellisite.indexer.application.service.alert;

import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.application.model.AlertSubscription;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.alert.AlertFilter;
import io.intellisite.indexer.application.port.in.alert.WatchAlertsUseCase;
import io.intellisite.indexer.application.port.out.AlertFeed;
import io.intellisite.indexer.application.service.Quota;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

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

    /**
     * How many resuming streams may replay at once, on this instance and for one caller: each replay has a broker
     * connection and a poll of alerts of its own until it catches up with the live feed.
     */
    static final int REPLAYS_PER_INSTANCE = 32;
    static final int REPLAYS_PER_CALLER = 2;
    private final AlertFeed feed;
    private final Quota streams;
    private final Quota replays = new Quota("replaying alert streams", REPLAYS_PER_INSTANCE, REPLAYS_PER_CALLER);

    public WatchAlertsService(AlertFeed feed, Limits limits) {
        this.feed = feed;
        this.streams = new Quota("alert streams", limits.perInstance(), limits.perCaller());
    }

    @Override
    public AlertSubscription watch(Principal actor, AlertFilter filter, Optional<String> resumeAfter) {
        Objects.requireNonNull(actor, "an authenticated caller is required");
        String caller = actor.claims().subject();
        streams.reserve(caller);
        AlertSubscription all;
        try {
            all = feed.subscribe(resumeAfter);
        } catch (RuntimeException e) {
            streams.release(caller);
            throw e;
        }
        // Counted once the feed knows there is something to replay: a resume that is already live holds no place.
        AtomicBoolean replaying = new AtomicBoolean(all.replaying());
        if (replaying.get()) {
            try {
                replays.reserve(caller);
            } catch (RuntimeException e) {
                all.close();
                streams.release(caller);
                throw e;
            }
        }
        AtomicBoolean closed = new AtomicBoolean();
        return new AlertSubscription() {
            @Override
            public Optional<AlertEvent> next(Duration timeout) throws InterruptedException {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (true) {
                    long left = deadline - System.nanoTime();
                    Optional<AlertEvent> event = all.next(Duration.ofNanos(Math.max(0, left)));
                    if (!all.replaying()) {
                        releaseReplay(replaying, caller);
                    }
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
            public boolean replaying() {
                return all.replaying();
            }

            @Override
            public Optional<String> restartedAt() {
                return all.restartedAt();
            }

            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    all.close();
                    releaseReplay(replaying, caller);
                    streams.release(caller);
                }
            }
        };
    }

    private void releaseReplay(AtomicBoolean replaying, String caller) {
        if (replaying.compareAndSet(true, false)) {
            replays.release(caller);
        }
    }
}
