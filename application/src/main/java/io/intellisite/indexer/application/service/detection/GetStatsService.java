package io.intellisite.indexer.application.service.detection;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.detection.GetStatsUseCase;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.MakeCount;
import java.util.List;
import java.util.Objects;

public final class GetStatsService implements GetStatsUseCase {
    private final DetectionRepository detections;

    public GetStatsService(DetectionRepository detections) {
        this.detections = detections;
    }

    @Override
    public List<MakeCount> countsByMake(Principal actor) {
        Objects.requireNonNull(actor, "an authenticated caller is required");
        return StoreReads.read(detections::countsByMake);
    }
}
