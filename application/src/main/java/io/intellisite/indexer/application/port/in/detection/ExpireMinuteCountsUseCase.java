package io.intellisite.indexer.application.port.in.detection;

/**
 * Drops the per-minute counts older than they are kept: they grow by a row per minute and make or category seen, some
 * 170,000 a day with a hundred makes, where hours and days grow sixty and 1,440 times slower and are kept for good.
 */
public interface ExpireMinuteCountsUseCase {
    /** Returns how many per-minute counts it dropped. */
    long expire();
}
