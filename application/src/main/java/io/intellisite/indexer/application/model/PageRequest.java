package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.InvalidValueException;

/** Offset paging as the prototype had it: {@code skip >= 0}, {@code 1 <= limit <= 1000}. */
public record PageRequest(int skip, int limit) {
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (skip < 0) {
            throw new InvalidValueException("skip must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
