package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;

/** How many detections of one make are stored. */
public record MakeCount(String make, long count) {
    public MakeCount {
        make = Require.text(make, "make", Detection.MAX_TEXT);
        if (count < 0) {
            throw new InvalidValueException("count must not be negative");
        }
    }
}
