package io.intellisite.indexer.application.service.detection;

import io.intellisite.indexer.application.model.TopCounts;
import io.intellisite.indexer.application.model.TopQuery;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.detection.GetTopUseCase;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

public final class GetTopService implements GetTopUseCase {
    private final DetectionRepository detections;
    private final Clock clock;

    public GetTopService(DetectionRepository detections, Clock clock) {
        this.detections = detections;
        this.clock = clock;
    }

    @Override
    public TopCounts top(Principal actor, TopQuery query) {
        Objects.requireNonNull(actor, "an authenticated caller is required");
        Instant from = query.since(clock.instant());
        return new TopCounts(from, StoreReads.read(() -> detections.top(query.by(), from, query.n())));
    }
}
