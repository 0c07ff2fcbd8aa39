package io.intellisite.indexer.application.service.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.contract.Fixtures;
import io.intellisite.indexer.application.inmemory.InMemoryDetectionRepository;
import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.application.testing.MutableClock;
import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.StatsDimension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The minutes older than they are kept are dropped, their days stay; a day or less cannot be kept (top-N reads it). */
class ExpireMinuteCountsServiceTest {
    private static final Instant NOW = Instant.parse("2026-06-10T12:00:30Z");

    @Test
    void minutesPastTheirTimeGoAndTheDaysStay() {
        InMemoryDetectionRepository detections = new InMemoryDetectionRepository();
        Instant old = NOW.minus(Duration.ofDays(3));
        Instant recent = NOW.minus(Duration.ofDays(1));
        detections.store(List.of(detection(0, old), detection(1, recent)));
        ExpireMinuteCountsService expire = new ExpireMinuteCountsService(detections, new MutableClock(NOW), Duration.ofDays(2));
        assertTrue(expire.expire() > 0);
        var minutes = detections.countsPerBucket(new TimeSeriesQuery.Range(BucketSize.MINUTE, StatsDimension.MAKE,
                BucketSize.DAY.floor(old), BucketSize.DAY.floor(NOW).plus(Duration.ofDays(1))));
        assertEquals(List.of(BucketSize.MINUTE.floor(recent)), minutes.stream().map(c -> c.start()).toList());
        var days = detections.countsPerBucket(new TimeSeriesQuery.Range(BucketSize.DAY, StatsDimension.MAKE,
                BucketSize.DAY.floor(old), BucketSize.DAY.floor(NOW).plus(Duration.ofDays(1))));
        assertEquals(2, days.size());
        assertEquals(0, expire.expire(), "nothing left to drop");
        assertThrows(IllegalArgumentException.class, () -> new ExpireMinuteCountsService(detections, new MutableClock(NOW), Duration.ofDays(1)));
    }

    private static IndexedDetection detection(long offset, Instant at) {
        return Fixtures.detectionAt(0, offset, at, "Toyota", "SUV");
    }
}
