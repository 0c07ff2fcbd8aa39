package io.intellisite.indexer.application.port.in.detection;

import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What indexing a batch did: how many detections were new, and which ones the store refused and why. */
public record IndexResult(int stored, List<Refused> refused) {
    public static final IndexResult NOTHING = new IndexResult(0, List.of());

    public IndexResult {
        if (stored < 0) {
            throw new IllegalArgumentException("stored must not be negative");
        }
        refused = List.copyOf(refused);
    }

    /** One detection the store will not keep, with the store's reason. */
    public record Refused(IndexedDetection detection, String reason) {
        public Refused {
            Objects.requireNonNull(detection, "detection");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public IndexResult plus(IndexResult later) {
        List<Refused> all = new ArrayList<>(refused);
        all.addAll(later.refused);
        return new IndexResult(stored + later.stored, all);
    }
}
