package io.intellisite.indexer.adapters.http;

import java.util.function.Supplier;

/**
 * A figure another part of the instance keeps (indexed, dead letters, lag), exposed on {@code /metrics}: a running
 * total ({@code total}) as a counter, so that {@code rate()} works across restarts, anything else as a gauge.
 */
public record MetricGauge(String name, String description, Supplier<Number> value, boolean total) {
    /** A gauge: a level that goes up and down. */
    public MetricGauge(String name, String description, Supplier<Number> value) {
        this(name, description, value, false);
    }

    /** A running total that only grows while the instance runs. */
    public static MetricGauge total(String name, String description, Supplier<Number> value) {
        return new MetricGauge(name, description, value, true);
    }
}
