package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;

/** How many detections of one make (or category) a window holds. */
public record ValueCount(String value, long count) {
    public ValueCount {
        value = Require.text(value, "value", Detection.MAX_TEXT);
        if (count < 0) {
            throw new InvalidValueException("count must not be negative");
        }
    }
}
