package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import java.time.Instant;
import java.util.Objects;

/** How many detections with one make (or category) have their time in the bucket that begins at {@code start}. */
public record BucketCount(Instant start, String value, long count) {
    public BucketCount {
        Objects.requireNonNull(start, "start");
        value = Require.text(value, "value", Detection.MAX_TEXT);
        if (count < 0) {
            throw new InvalidValueException("count must not be negative");
        }
    }
}
