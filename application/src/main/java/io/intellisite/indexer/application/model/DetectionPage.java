package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.List;
import java.util.Optional;

/** One page of detections and, if more may follow, the sequence to continue after. */
public record DetectionPage(List<Entry> items, Optional<Long> nextAfter) {
    public DetectionPage {
        items = List.copyOf(items);
    }

    /** A stored detection with its ingestion sequence number (the keyset cursor's key). */
    public record Entry(long sequence, IndexedDetection detection) {
    }
}
