package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.detection.ValueCount;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The most seen makes (or categories) since {@code from}, the first minute the window holds; most first. */
public record TopCounts(Instant from, List<ValueCount> counts) {
    public TopCounts {
        Objects.requireNonNull(from, "from");
        counts = List.copyOf(counts);
    }
}
