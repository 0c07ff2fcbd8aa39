package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.domain.detection.StatsDimension;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code n} makes (or categories) most seen in the last {@code window}, counted over whole minutes: the minute
 * now running and the ones before it, as many as the window holds.
 */
public record TopQuery(Duration window, StatsDimension by, int n) {
    public static final Duration MAX_WINDOW = Duration.ofDays(1);
    public static final int MAX_N = 100;

    public TopQuery {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(by, "by");
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0
                || !window.equals(Duration.ofMinutes(window.toMinutes()))) {
            throw new InvalidValueException("window must be whole minutes, from PT1M to " + MAX_WINDOW);
        }
        if (n < 1 || n > MAX_N) {
            throw new InvalidValueException("n must be between 1 and " + MAX_N);
        }
    }

    /** The first minute the window holds, as of {@code now}. */
    public Instant since(Instant now) {
        return BucketSize.MINUTE.floor(now).minus(window).plus(BucketSize.MINUTE.length());
    }
}
