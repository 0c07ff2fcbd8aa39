package io.intellisite.indexer.application.service.detection;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.application.model.TopQuery;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import io.intellisite.indexer.domain.detection.BucketCount;
import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import io.intellisite.indexer.domain.detection.StatsDimension;
import io.intellisite.indexer.domain.detection.ValueCount;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A read the store gives up on is a 503 to come back to, not a failure of the request. */
class BusyStoreTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final Principal viewer = new Principal(new TokenClaims(TokenClaims.SUBJECT_PREFIX + "ann", "Ann", "A", "ann@example.com",
            Role.VIEWER, "iss", "aud", NOW, NOW.plusSeconds(60)));
    private final DetectionRepository busy = new DetectionRepository() {
        @Override
        public int store(List<IndexedDetection> batch) {
            return batch.size();
        }

        @Override
        public int adoptUnrecordedRows(String topic, UUID topicId) {
            return 0;
        }

        @Override
        public DetectionPage find(DetectionQuery query) {
            throw new StoreBusyException("no read connection", null);
        }

        @Override
        public List<MakeCount> countsByMake() {
            throw new StoreBusyException("statement timeout", null);
        }

        @Override
        public List<BucketCount> countsPerBucket(TimeSeriesQuery.Range range) {
            throw new StoreBusyException("statement timeout", null);
        }

        @Override
        public List<ValueCount> top(StatsDimension by, Instant since, int n) {
            throw new StoreBusyException("statement timeout", null);
        }

        @Override
        public long dropMinuteCountsBefore(Instant before) {
            throw new StoreBusyException("statement timeout", null);
        }
    };

    @Test
    void aBusyStoreMakesReadsUnavailableForAWhile() {
        assertThrows(ServiceUnavailableException.class, () -> new ListDetectionsService(busy).list(viewer, DetectionQuery.firstPage(10)));
        assertThrows(ServiceUnavailableException.class, () -> new GetStatsService(busy).countsByMake(viewer));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThrows(ServiceUnavailableException.class, () -> new GetTimeSeriesService(busy, clock).countsPerBucket(viewer,
                new TimeSeriesQuery(BucketSize.MINUTE, StatsDimension.MAKE, Optional.empty(), Optional.empty())));
        assertThrows(ServiceUnavailableException.class, () -> new GetTopService(busy, clock).top(viewer,
                new TopQuery(Duration.ofMinutes(15), StatsDimension.MAKE, 10)));
    }
}
