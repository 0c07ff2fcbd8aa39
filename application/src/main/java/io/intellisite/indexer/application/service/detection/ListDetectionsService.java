package io.intellisite.indexer.application.service.detection;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.detection.ListDetectionsUseCase;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import java.util.Objects;

public final class ListDetectionsService implements ListDetectionsUseCase {
    private final DetectionRepository detections;

    public ListDetectionsService(DetectionRepository detections) {
        this.detections = detections;
    }

    @Override
    public DetectionPage list(Principal actor, DetectionQuery query) {
        Objects.requireNonNull(actor, "an authenticated caller is required");
        return StoreReads.read(() -> detections.find(query));
    }
}
