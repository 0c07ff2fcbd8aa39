package io.intellisite.indexer.adapters.http;

import java.util.function.Supplier;

/** A figure another part of the instance keeps (indexed, dead letters, lag), exposed on {@code /metrics}. */
public record MetricGauge(String name, String description, Supplier<Number> value) {
}
