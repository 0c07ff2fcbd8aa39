package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.kafka.pipeline.GroupProgress;
import io.intellisite.indexer.adapters.kafka.pipeline.HangingTransactions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the broker every {@link #SAMPLE} whether the pipeline moves ({@link GroupProgress}, what readiness and the
 * metrics report), and once it has stalled, looks for transactions left hanging and ends them, at most once per
 * stall threshold: what an operator would do with {@code kafka-transactions.sh}, done before anyone has to.
 */
final class PipelineWatchdog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PipelineWatchdog.class.getName());
    /** Two small admin requests each time. */
    private static final Duration SAMPLE = Duration.ofSeconds(5);
    private final GroupProgress progress;
    private final HangingTransactions hanging;
    private final String group;
    private final List<String> outputTopics;
    private final Duration stallAfter;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("pipeline-watchdog").daemon().factory());
    private long lastResolve = System.nanoTime();

    PipelineWatchdog(GroupProgress progress, HangingTransactions hanging, String group, List<String> outputTopics, Duration stallAfter) {
        this.progress = progress;
        this.hanging = hanging;
        this.group = group;
        this.outputTopics = outputTopics;
        this.stallAfter = stallAfter;
    }

    /** Ends what hangs from before this start (a transaction long expired), then watches. */
    PipelineWatchdog start() {
        hanging.resolve(group, outputTopics);
        scheduler.scheduleWithFixedDelay(this::check, SAMPLE.toMillis(), SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void check() {
        try {
            progress.sample();
            var stall = progress.status().stall();
            if (stall.isPresent() && System.nanoTime() - lastResolve > stallAfter.toNanos()) {
                lastResolve = System.nanoTime();
                LOG.log(Level.WARNING, "the pipeline is stalled (" + stall.get() + "); looking for hanging transactions");
                int ended = hanging.resolve(group, outputTopics);
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
