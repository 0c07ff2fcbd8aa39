package io.intellisite.indexer.adapters.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time from a detection (its record's timestamp) to one stage of the pipeline, as a histogram: buckets, so that
 * the instances' figures add up in {@code histogram_quantile}, where percentiles computed in each process could not.
 * Recording is a few counter increments; before the meters are bound, nothing is recorded.
 */
public final class StageLatency implements MeterBinder {
    private final String name;
    private final String description;
    private volatile Timer timer;

    public StageLatency(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        timer = Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1)).register(registry);
    }

    /** Records the time from {@code timestampMillis} (epoch ms) to now. */
    public void since(long timestampMillis) {
        Timer bound = timer;
        if (bound != null) {
            bound.record(Math.max(0, System.currentTimeMillis() - timestampMillis), TimeUnit.MILLISECONDS);
        }
    }
}
