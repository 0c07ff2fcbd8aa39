package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.domain.detection.StatsDimension;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts per bucket of {@code size}, per make or category, for buckets that begin in [{@code from}, {@code to}).
 * Either end may be left out: {@code to} then is the end of the bucket now running, {@code from} {@link #DEFAULT_BUCKETS}
 * buckets before {@code to}. Ends are widened to whole buckets.
 */
public record TimeSeriesQuery(BucketSize size, StatsDimension by, Optional<Instant> from, Optional<Instant> to) {
    /** A day of minutes: with about a hundred makes, an answer stays under 10 MB. */
    public static final int MAX_BUCKETS = 1_440;
    public static final int DEFAULT_BUCKETS = 60;

    public TimeSeriesQuery {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(by, "by");
        from.ifPresent(f -> StorableTime.require(f, "from"));
        to.ifPresent(t -> StorableTime.require(t, "to"));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidValueException("from must be before to");
        }
    }

    /** The whole buckets asked for, as of {@code now}. */
    public Range resolve(Instant now) {
        Instant end = to.map(this::ceil).orElseGet(() -> size.floor(now).plus(size.length()));
        Instant start = from.map(size::floor).orElseGet(() -> end.minus(size.length().multipliedBy(DEFAULT_BUCKETS)));
        if (!start.isBefore(end)) {
            throw new InvalidValueException("from must be before to");
        }
        if (start.plus(size.length().multipliedBy(MAX_BUCKETS)).isBefore(end)) {
            throw new InvalidValueException("at most " + MAX_BUCKETS + " buckets per request: narrow from and to, or use a longer interval");
        }
        return new Range(size, by, start, end);
    }

    private Instant ceil(Instant t) {
        Instant floor = size.floor(t);
        return floor.equals(t) ? t : floor.plus(size.length());
    }

    /** Buckets of {@code size} that begin at or after {@code from} and before {@code to}, both on bucket boundaries. */
    public record Range(BucketSize size, StatsDimension by, Instant from, Instant to) {
        public Range {
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(by, "by");
            if (!size.floor(from).equals(from) || !size.floor(to).equals(to) || !from.isBefore(to)) {
                throw new IllegalArgumentException("a range is whole buckets, from before to");
            }
        }
    }
}
