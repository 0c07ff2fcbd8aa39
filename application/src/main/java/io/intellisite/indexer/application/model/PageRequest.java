package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.InvalidValueException;

/**
 * Offset paging as the prototype had it: {@code 0 <= skip <= 10,000}, {@code 1 <= limit <= 1000}. The database
 * reads and drops every skipped row, so a deep skip costs as much as the rows before it: past the bound, page with
 * the cursor, which costs the same at any depth.
 */
public record PageRequest(int skip, int limit) {
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_SKIP = 10_000;

    public PageRequest {
        if (skip < 0) {
            throw new InvalidValueException("skip must not be negative");
        }
        if (skip > MAX_SKIP) {
            throw new InvalidValueException("skip must be at most " + MAX_SKIP + ": page further with the after cursor");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
