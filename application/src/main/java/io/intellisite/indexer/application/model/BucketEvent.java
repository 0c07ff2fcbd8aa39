package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.domain.detection.StatsDimension;
import io.intellisite.indexer.domain.detection.ValueCount;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One closed minute of detections, per make or category, as a live statistics stream delivers it: {@code id} (its
 * start) is what a subscriber resumes after. {@code counts} sorted by value; empty for a minute with no detection.
 */
public record BucketEvent(Instant start, StatsDimension by, List<ValueCount> counts) {
    public BucketEvent {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(by, "by");
        counts = List.copyOf(counts);
    }

    public String id() {
        return start.toString();
    }

    public Instant end() {
        return start.plus(BucketSize.MINUTE.length());
    }
}
