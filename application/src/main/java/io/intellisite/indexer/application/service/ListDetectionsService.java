package io.intellisite.indexer.application.service;

import io.intellisite.indexer.application.port.in.DetectionPage;
import io.intellisite.indexer.application.port.in.DetectionQuery;
import io.intellisite.indexer.application.port.in.ListDetectionsUseCase;
import io.intellisite.indexer.application.port.in.Principal;
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
        return detections.find(query);
    }
}
