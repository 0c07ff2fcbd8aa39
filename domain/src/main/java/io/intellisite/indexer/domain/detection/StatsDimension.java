package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.InvalidValueException;
import java.util.List;
import java.util.Locale;

/**
 * What a statistic counts detections by. A detection listing several categories ("SUV, Wagon") counts once under
 * each of them, so per-category counts may add up to more than the detections.
 */
public enum StatsDimension {
    MAKE, CATEGORY;

    /** The values {@code d} is counted under. */
    public List<String> valuesOf(Detection d) {
        return this == MAKE ? List.of(d.make()) : d.categories();
    }

    /** The name used in the API and the store: {@code make} or {@code category}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatsDimension parse(String text, String field) {
        for (StatsDimension d : values()) {
            if (d.wireName().equals(text)) {
                return d;
            }
        }
        throw new InvalidValueException(field + " must be make or category");
    }
}
