package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The length of a time-series bucket; buckets start on whole minutes, hours or days in UTC. */
public enum BucketSize {
    MINUTE(ChronoUnit.MINUTES), HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    BucketSize(ChronoUnit unit) {
        this.unit = unit;
    }

    public Duration length() {
        return unit.getDuration();
    }

    /** The start of the bucket that holds {@code t}. */
    public Instant floor(Instant t) {
        return t.truncatedTo(unit);
    }

    /** The name used in the API and the store: {@code minute}, {@code hour} or {@code day}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BucketSize parse(String text, String field) {
        for (BucketSize s : values()) {
            if (s.wireName().equals(text)) {
                return s;
            }
        }
        throw new InvalidValueException(field + " must be one of " + Arrays.stream(values()).map(BucketSize::wireName)
                .collect(Collectors.joining(", ")));
    }
}
