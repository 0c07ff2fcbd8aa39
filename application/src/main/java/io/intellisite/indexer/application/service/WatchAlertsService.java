package io.intellisite.indexer.application.service;

import io.intellisite.indexer.application.port.in.AlertEvent;
import io.intellisite.indexer.application.port.in.AlertFilter;
import io.intellisite.indexer.application.port.in.AlertSubscription;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.WatchAlertsUseCase;
import io.intellisite.indexer.application.port.out.AlertFeed;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

public final class WatchAlertsService implements WatchAlertsUseCase {
    private final AlertFeed feed;

    public WatchAlertsService(AlertFeed feed) {
        this.feed = feed;
    }

    @Override
    public AlertSubscription watch(Principal actor, AlertFilter filter, Optional<String> resumeAfter) {
        Objects.requireNonNull(actor, "an authenticated caller is required");
        AlertSubscription all = feed.subscribe(resumeAfter);
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
                all.close();
            }
        };
    }
}
