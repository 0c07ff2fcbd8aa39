package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.kafka.recovery.GroupProgress;
import io.intellisite.indexer.adapters.kafka.recovery.HangingTransactions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the broker every {@link #SAMPLE} whether the pipeline moves ({@link GroupProgress}, what readiness and the
 * metrics report), and once it has made no progress with records waiting for {@link #RESOLVE_AFTER} (or the stall
 * threshold, if lower), looks for transactions left hanging and ends them, at most once per that interval: what an
 * operator would do with {@code kafka-transactions.sh}, done before anyone has to. Sooner than readiness gives up:
 * after a crash in CrashSoakTest, a transaction whose end markers were lost (open on the alerts and offsets
 * partitions, no longer open at its coordinator) held the pipeline until the 30 s stall threshold, 36.7 s after ready.
 */
final class PipelineWatchdog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PipelineWatchdog.class.getName());
    /** Four small admin requests each time (GroupProgress#sample). */
    private static final Duration SAMPLE = Duration.ofSeconds(5);
    static final Duration RESOLVE_AFTER = Duration.ofSeconds(10);
    private final GroupProgress progress;
    private final HangingTransactions hanging;
    private final Duration resolveAfter;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("pipeline-watchdog").daemon().factory());
    private long lastResolve = System.nanoTime();

    PipelineWatchdog(GroupProgress progress, HangingTransactions hanging, Duration stallAfter) {
        this.progress = progress;
        this.hanging = hanging;
        this.resolveAfter = stallAfter.compareTo(RESOLVE_AFTER) < 0 ? stallAfter : RESOLVE_AFTER;
    }

    /** Ends what hangs from before this start (a transaction long expired, one a crash left open), then watches. */
    PipelineWatchdog start() {
        hanging.resolveBeforeStart();
        scheduler.scheduleWithFixedDelay(this::check, SAMPLE.toMillis(), SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void check() {
        try {
            progress.sample();
            GroupProgress.Status status = progress.status();
            if (status.stalledNanos() > resolveAfter.toNanos() && System.nanoTime() - lastResolve > resolveAfter.toNanos()) {
                lastResolve = System.nanoTime();
                LOG.log(Level.WARNING, "the pipeline has made no progress for " + status.stalledNanos() / 1_000_000_000
                        + " s with " + status.waiting() + " record(s) waiting; looking for hanging transactions");
                int ended = hanging.resolve();
                LOG.log(Level.WARNING, ended == 0 ? "no hanging transaction found" : "ended " + ended + " hanging transaction(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pipeline watchdog: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
