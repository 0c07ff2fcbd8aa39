package io.intellisite.indexer.application.service.detection;

import io.intellisite.indexer.application.model.TimeSeries;
import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.detection.GetTimeSeriesUseCase;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import java.time.Clock;
import java.util.Objects;

public final class GetTimeSeriesService implements GetTimeSeriesUseCase {
    private final DetectionRepository detections;
    private final Clock clock;

    public GetTimeSeriesService(DetectionRepository detections, Clock clock) {
        this.detections = detections;
        this.clock = clock;
    }

    @Override
    public TimeSeries countsPerBucket(Principal actor, TimeSeriesQuery query) {
        Objects.requireNonNull(actor, "an authenticated caller is required");
        TimeSeriesQuery.Range range = query.resolve(clock.instant());
        return new TimeSeries(range, StoreReads.read(() -> detections.countsPerBucket(range)));
    }
}
