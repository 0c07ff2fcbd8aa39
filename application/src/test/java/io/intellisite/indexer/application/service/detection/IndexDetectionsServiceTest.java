package io.intellisite.indexer.application.service.detection;

import static io.intellisite.indexer.application.contract.Fixtures.detection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.inmemory.InMemoryDetectionRepository;
import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.port.in.detection.IndexResult;
import io.intellisite.indexer.application.port.out.BatchRefusedException;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexDetectionsServiceTest {
    /** Refuses, as a whole, any batch holding a Lada, the way PostgreSQL refuses a batch with one bad row. */
    private static final class RefusingLadas implements DetectionRepository {
        final InMemoryDetectionRepository stored = new InMemoryDetectionRepository();
        int statements;
        boolean unavailable;

        @Override
        public int store(List<IndexedDetection> batch) {
            statements++;
            if (unavailable) {
                throw new IllegalStateException("connection refused");
            }
            if (batch.stream().anyMatch(d -> d.detection().make().equals("Lada"))) {
                throw new BatchRefusedException("no Ladas");
            }
            return stored.store(batch);
        }

        @Override
        public int adoptUnrecordedRows(String topic, java.util.UUID topicId) {
            return stored.adoptUnrecordedRows(topic, topicId);
        }

        @Override
        public DetectionPage find(DetectionQuery query) {
            return stored.find(query);
        }

        @Override
        public List<MakeCount> countsByMake() {
            return stored.countsByMake();
        }

        @Override
        public List<io.intellisite.indexer.domain.detection.BucketCount> countsPerBucket(
                io.intellisite.indexer.application.model.TimeSeriesQuery.Range range) {
            return stored.countsPerBucket(range);
        }

        @Override
        public List<io.intellisite.indexer.domain.detection.ValueCount> top(io.intellisite.indexer.domain.detection.StatsDimension by,
                java.time.Instant since, int n) {
            return stored.top(by, since, n);
        }

        @Override
        public long dropMinuteCountsBefore(java.time.Instant before) {
            return stored.dropMinuteCountsBefore(before);
        }
    }

    @Test
    void theDetectionsAStoreRefusesAreFoundAndReturnedAndEveryOtherIsStored() {
        RefusingLadas store = new RefusingLadas();
        List<IndexedDetection> batch = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            batch.add(detection(0, i, i == 17 || i == 2_500 || i == 4_999 ? "Lada" : "Toyota", "SUV"));
        }
        IndexResult result = new IndexDetectionsService(store).index(batch);
        assertEquals(4_997, result.stored());
        assertEquals(List.of(17L, 2_500L, 4_999L), result.refused().stream().map(r -> r.detection().source().offset()).toList());
        assertEquals("no Ladas", result.refused().getFirst().reason());
        assertEquals(List.of(new MakeCount("Toyota", 4_997)), store.countsByMake());
        assertTrue(store.statements < 100, "bisection, not one statement per row: " + store.statements);
    }

    @Test
    void aStoreThatIsUnavailableFailsTheWholeBatchForARetry() {
        RefusingLadas store = new RefusingLadas();
        store.unavailable = true;
        assertThrows(IllegalStateException.class, () -> new IndexDetectionsService(store).index(List.of(detection(0, 1, "Kia", "SUV"))));
        assertEquals(IndexResult.NOTHING, new IndexDetectionsService(store).index(List.of()));
    }
}
