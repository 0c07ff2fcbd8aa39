package io.intellisite.indexer.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.BucketCount;
import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.StatsDimension;
import io.intellisite.indexer.domain.detection.ValueCount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time series and top-N every {@link DetectionRepository} must answer, by the detections' own time (a record that
 * arrives late counts in its own bucket); run against the in-memory and the PostgreSQL adapter.
 */
public abstract class DetectionStatsContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    protected DetectionRepository repository;

    protected abstract DetectionRepository emptyRepository();

    @BeforeEach
    void setUp() {
        repository = emptyRepository();
    }

    private static IndexedDetection at(long offset, Instant t, String make, String category) {
        return Fixtures.detectionAt(0, offset, t, make, category);
    }

    private static TimeSeriesQuery.Range range(BucketSize size, StatsDimension by, String from, String to) {
        return new TimeSeriesQuery.Range(size, by, Instant.parse(from), Instant.parse(to));
    }

    @Test
    void countsPerMinuteHourAndDayByTheDetectionsTime() {
        repository.store(List.of(at(0, T0.plusSeconds(5), "Toyota", "SUV"), at(1, T0.plusSeconds(59), "Toyota", "SUV"),
                at(2, T0.plusSeconds(60), "Ford", "Sedan"), at(3, T0.plusSeconds(3_600), "Toyota", "SUV")));
        // Late: stored after the others, counted where its time puts it.
        repository.store(List.of(at(4, T0.plusSeconds(30), "Ford", "SUV")));
        assertEquals(List.of(new BucketCount(T0, "Ford", 1), new BucketCount(T0, "Toyota", 2),
                        new BucketCount(T0.plusSeconds(60), "Ford", 1)),
                repository.countsPerBucket(range(BucketSize.MINUTE, StatsDimension.MAKE, "2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z")));
        assertEquals(List.of(new BucketCount(T0, "Ford", 2), new BucketCount(T0, "Toyota", 2),
                        new BucketCount(T0.plusSeconds(3_600), "Toyota", 1)),
                repository.countsPerBucket(range(BucketSize.HOUR, StatsDimension.MAKE, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z")));
        assertEquals(List.of(new BucketCount(Instant.parse("2026-03-01T00:00:00Z"), "Ford", 2),
                        new BucketCount(Instant.parse("2026-03-01T00:00:00Z"), "Toyota", 3)),
                repository.countsPerBucket(range(BucketSize.DAY, StatsDimension.MAKE, "2026-02-01T00:00:00Z", "2026-04-01T00:00:00Z")));
        assertEquals(List.of(), repository.countsPerBucket(range(BucketSize.DAY, StatsDimension.MAKE, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")));
    }

    @Test
    void aDetectionOfSeveralCategoriesCountsUnderEachAndAReplayNotAtAll() {
        List<IndexedDetection> batch = List.of(at(0, T0, "Toyota", "SUV, Wagon"), at(1, T0.plusSeconds(1), "Kia", "SUV"));
        repository.store(batch);
        repository.store(batch);
        assertEquals(List.of(new BucketCount(T0, "SUV", 2), new BucketCount(T0, "Wagon", 1)),
                repository.countsPerBucket(range(BucketSize.MINUTE, StatsDimension.CATEGORY, "2026-03-01T10:00:00Z", "2026-03-01T10:01:00Z")));
        assertEquals(List.of(new BucketCount(T0, "Kia", 1), new BucketCount(T0, "Toyota", 1)),
                repository.countsPerBucket(range(BucketSize.MINUTE, StatsDimension.MAKE, "2026-03-01T10:00:00Z", "2026-03-01T10:01:00Z")));
    }

    @Test
    void droppedMinutesAnswerNoneWhileTheirHoursAndDaysStay() {
        repository.store(List.of(at(0, T0.plusSeconds(5), "Toyota", "SUV"), at(1, T0.plusSeconds(65), "Ford", "Sedan"),
                at(2, T0.plusSeconds(125), "Kia", "SUV")));
        assertEquals(0, repository.dropMinuteCountsBefore(T0));
        assertTrue(repository.dropMinuteCountsBefore(T0.plusSeconds(120)) > 0);
        assertEquals(List.of(new BucketCount(T0.plusSeconds(120), "Kia", 1)),
                repository.countsPerBucket(range(BucketSize.MINUTE, StatsDimension.MAKE, "2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z")));
        assertEquals(List.of(new BucketCount(T0.plusSeconds(120), "SUV", 1)),
                repository.countsPerBucket(range(BucketSize.MINUTE, StatsDimension.CATEGORY, "2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z")));
        assertEquals(List.of(new BucketCount(T0, "Ford", 1), new BucketCount(T0, "Kia", 1), new BucketCount(T0, "Toyota", 1)),
                repository.countsPerBucket(range(BucketSize.HOUR, StatsDimension.MAKE, "2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z")));
        assertEquals(List.of(new ValueCount("Kia", 1)), repository.top(StatsDimension.MAKE, T0, 10));
        assertEquals(0, repository.dropMinuteCountsBefore(T0.plusSeconds(120)), "nothing left to drop");
    }

    @Test
    void topCountsFromTheGivenMinuteMostFirstTiesByValue() {
        repository.store(List.of(at(0, T0.minusSeconds(1), "Audi", "SUV"), at(1, T0.minusSeconds(2), "Audi", "SUV"),
                at(2, T0, "Toyota", "SUV"), at(3, T0.plusSeconds(61), "Ford", "Sedan, SUV"), at(4, T0.plusSeconds(62), "Toyota", "SUV"),
                at(5, T0.plusSeconds(120), "BMW", "Sedan")));
        assertEquals(List.of(new ValueCount("Toyota", 2), new ValueCount("BMW", 1), new ValueCount("Ford", 1)),
                repository.top(StatsDimension.MAKE, T0, 10));
        assertEquals(List.of(new ValueCount("Toyota", 2)), repository.top(StatsDimension.MAKE, T0, 1));
        assertEquals(List.of(new ValueCount("SUV", 3), new ValueCount("Sedan", 2)), repository.top(StatsDimension.CATEGORY, T0, 10));
        assertEquals(List.of(), repository.top(StatsDimension.MAKE, T0.plusSeconds(180), 10));
    }
}
