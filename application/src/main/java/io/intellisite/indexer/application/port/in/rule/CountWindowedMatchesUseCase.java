package io.intellisite.indexer.application.port.in.rule;

import io.intellisite.indexer.domain.alert.Alert;
import io.intellisite.indexer.domain.alert.PendingMatches;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Counts the detections that matched a windowed rule, one group at a time, and raises the rule's alert when they
 * fill its window. The caller keeps each group's pending matches (the stream task's state) and hands them in.
 */
public interface CountWindowedMatchesUseCase {
    /** What counting one match did: the group's matches still pending, the alert if it filled the window, or late. */
    record Counted(PendingMatches pending, Optional<Alert> alert, boolean late) {
    }

    /**
     * {@code streamTime}: the newest event time (epoch ms) the counting task has seen, this match's included.
     * {@code detection} is asked for only when the match fills the window: most matches only join their group.
     */
    Counted count(WindowKey key, PendingMatches pending, PendingMatches.Match match, Supplier<IndexedDetection> detection,
                  long streamTime);

    /** The group's matches still of use at {@code streamTime}: none once its rule is gone, disabled or regrouped. */
    PendingMatches expire(WindowKey key, PendingMatches pending, long streamTime);
}
