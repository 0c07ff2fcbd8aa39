package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.Detection;
import java.time.Instant;
import java.util.Optional;

/**
 * A page of detections in ingestion order, or newest first: by offset ({@code skip}) as the prototype did, or after
 * a keyset cursor ({@code afterSequence}: the page goes on past it in the page's order), which costs the same at any
 * depth. Filters are optional.
 */
public record DetectionQuery(PageRequest page, Optional<Long> afterSequence, Optional<String> make,
                             Optional<String> category, Optional<Instant> from, Optional<Instant> to, boolean newestFirst) {
    /** In ingestion order, oldest first. */
    public DetectionQuery(PageRequest page, Optional<Long> afterSequence, Optional<String> make,
                          Optional<String> category, Optional<Instant> from, Optional<Instant> to) {
        this(page, afterSequence, make, category, from, to, false);
    }

    public DetectionQuery {
        make = make.map(m -> Require.text(m, "make", Detection.MAX_TEXT));
        category = category.map(c -> Require.text(c, "category", Detection.MAX_TEXT));
        if (afterSequence.isPresent() && page.skip() != 0) {
            throw new InvalidValueException("use either skip or after, not both");
        }
        from.ifPresent(f -> StorableTime.require(f, "from"));
        to.ifPresent(t -> StorableTime.require(t, "to"));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidValueException("from must not be after to");
        }
    }

    public static DetectionQuery firstPage(int limit) {
        return new DetectionQuery(new PageRequest(0, limit), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public DetectionQuery after(long sequence) {
        return new DetectionQuery(new PageRequest(0, page.limit()), Optional.of(sequence), make, category, from, to, newestFirst);
    }
}
