package io.intellisite.indexer.application.service.detection;

import io.intellisite.indexer.application.port.in.detection.IndexDetectionsUseCase;
import io.intellisite.indexer.application.port.in.detection.IndexResult;
import io.intellisite.indexer.application.port.out.BatchRefusedException;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.List;

public final class IndexDetectionsService implements IndexDetectionsUseCase {
    private final DetectionRepository detections;

    public IndexDetectionsService(DetectionRepository detections) {
        this.detections = detections;
    }

    /**
     * A refused batch is stored in halves, down to the single detections the store refuses: one bad record
     * among thousands costs about 2·log2(n) more statements, not a stalled indexer. Halves keep the batch's
     * order, and storing is idempotent, so a half stored before a later failure is skipped on the retry.
     */
    @Override
    public IndexResult index(List<IndexedDetection> batch) {
        if (batch.isEmpty()) {
            return IndexResult.NOTHING;
        }
        try {
            return new IndexResult(detections.store(batch), List.of());
        } catch (BatchRefusedException e) {
            if (batch.size() == 1) {
                return new IndexResult(0, List.of(new IndexResult.Refused(batch.getFirst(), e.getMessage())));
            }
            int half = batch.size() / 2;
            IndexResult first = index(batch.subList(0, half));
            return first.plus(index(batch.subList(half, batch.size())));
        }
    }
}
