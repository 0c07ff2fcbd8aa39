package io.intellisite.indexer.application.service.detection;

import io.intellisite.indexer.application.model.TopQuery;
import io.intellisite.indexer.application.port.in.detection.ExpireMinuteCountsUseCase;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.BucketSize;
import java.time.Clock;
import java.time.Duration;

public final class ExpireMinuteCountsService implements ExpireMinuteCountsUseCase {
    private final DetectionRepository detections;
    private final Clock clock;
    private final Duration kept;

    /** {@code kept} must cover the longest top-N window, which reads the minutes. */
    public ExpireMinuteCountsService(DetectionRepository detections, Clock clock, Duration kept) {
        if (kept.compareTo(TopQuery.MAX_WINDOW) <= 0) {
            throw new IllegalArgumentException("per-minute counts must be kept longer than the longest top-N window, " + TopQuery.MAX_WINDOW);
        }
        this.detections = detections;
        this.clock = clock;
        this.kept = kept;
    }

    @Override
    public long expire() {
        return detections.dropMinuteCountsBefore(BucketSize.MINUTE.floor(clock.instant()).minus(kept));
    }
}
