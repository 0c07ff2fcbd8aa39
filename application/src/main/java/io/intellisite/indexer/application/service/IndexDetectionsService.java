package io.intellisite.indexer.application.service;

import io.intellisite.indexer.application.port.in.IndexDetectionsUseCase;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.List;

public final class IndexDetectionsService implements IndexDetectionsUseCase {
    private final DetectionRepository detections;

    public IndexDetectionsService(DetectionRepository detections) {
        this.detections = detections;
    }

    @Override
    public int index(List<IndexedDetection> batch) {
        return batch.isEmpty() ? 0 : detections.store(batch);
    }
}
