package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.detection.BucketCount;
import java.util.List;
import java.util.Objects;

/** The counts of the buckets of {@code range}, sorted by start, then value; buckets with none left out. */
public record TimeSeries(TimeSeriesQuery.Range range, List<BucketCount> counts) {
    public TimeSeries {
        Objects.requireNonNull(range, "range");
        counts = List.copyOf(counts);
    }
}
