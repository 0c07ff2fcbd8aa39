package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.InvalidValueException;
import java.time.Instant;

/** Instant reaches a billion years either way; databases and java.sql.Timestamp do not. */
final class StorableTime {
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private StorableTime() {
    }

    static void require(Instant t, String field) {
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new InvalidValueException(field + " must lie between years 1 and 9999");
        }
    }
}
