package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.Detection;
import java.time.Instant;
import java.util.Optional;

/**
 * A page of detections in ingestion order: by offset ({@code skip}) as the prototype did, or after a keyset
 * cursor ({@code afterSequence}), which costs the same at any depth. Filters are optional.
 */
public record DetectionQuery(PageRequest page, Optional<Long> afterSequence, Optional<String> make,
                             Optional<String> category, Optional<Instant> from, Optional<Instant> to) {
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public DetectionQuery {
        make = make.map(m -> Require.text(m, "make", Detection.MAX_TEXT));
        category = category.map(c -> Require.text(c, "category", Detection.MAX_TEXT));
        if (afterSequence.isPresent() && page.skip() != 0) {
            throw new InvalidValueException("use either skip or after, not both");
        }
        from.ifPresent(f -> requireStorableTime(f, "from"));
        to.ifPresent(t -> requireStorableTime(t, "to"));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidValueException("from must not be after to");
        }
    }

    // Instant reaches a billion years either way; databases and java.sql.Timestamp do not.
    private static void requireStorableTime(Instant t, String field) {
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new InvalidValueException(field + " must lie between years 1 and 9999");
        }
    }

    public static DetectionQuery firstPage(int limit) {
        return new DetectionQuery(new PageRequest(0, limit), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public DetectionQuery after(long sequence) {
        return new DetectionQuery(new PageRequest(0, page.limit()), Optional.of(sequence), make, category, from, to);
    }
}
