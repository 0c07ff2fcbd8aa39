package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.application.port.in.DetectionPage;
import io.intellisite.indexer.application.port.in.DetectionQuery;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import java.util.List;

/** The indexed history of detections and the per-make counts kept beside it. */
public interface DetectionRepository {
    /**
     * Stores the batch in one transaction, skipping detections whose id is already stored, and adds the
     * newly stored ones (only those) to the per-make counts. Returns how many were new. Throws
     * {@link BatchRefusedException} when a detection's content is what the store cannot keep (nothing of the batch
     * is stored then), and any other exception when the store is unavailable.
     */
    int store(List<IndexedDetection> batch);

    DetectionPage find(DetectionQuery query);

    /** Sorted by make; costs O(number of makes), not O(detections). */
    List<MakeCount> countsByMake();
}
