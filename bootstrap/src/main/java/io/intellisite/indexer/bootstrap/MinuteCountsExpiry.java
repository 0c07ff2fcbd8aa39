package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.application.port.in.detection.ExpireMinuteCountsUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drops the per-minute counts past {@code STATS_MINUTE_RETENTION_DAYS} a minute after the start and then every
 * {@link #EVERY}: a minute's counts pass their time once, so an hour late costs an hour's rows at most. Every instance
 * runs it; two at once delete the same rows, and one of them finds none.
 */
final class MinuteCountsExpiry implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MinuteCountsExpiry.class.getName());
    private static final Duration FIRST = Duration.ofMinutes(1);
    private static final Duration EVERY = Duration.ofHours(1);
    private final ExpireMinuteCountsUseCase expire;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("minute-counts-expiry").daemon().factory());

    MinuteCountsExpiry(ExpireMinuteCountsUseCase expire) {
        this.expire = expire;
    }

    MinuteCountsExpiry start() {
        scheduler.scheduleWithFixedDelay(this::run, FIRST.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void run() {
        try {
            long dropped = expire.expire();
            if (dropped > 0) {
                LOG.log(Level.INFO, "dropped " + dropped + " per-minute count(s) past STATS_MINUTE_RETENTION_DAYS");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not drop the expired per-minute counts, trying again in " + EVERY.toMinutes()
                    + " minutes: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
