package io.intellisite.indexer.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.contract.Fixtures;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The per-bucket counts equal a GROUP BY date_trunc over the stored rows: after concurrent, overlapping batches with
 * late records, and after the upgrade's backfill of rows stored before the counts existed.
 */
class DetectionCountsRollupTest {
    private static final String[] MAKES = {"Toyota", "Ford", "Audi", "audi", "Kia"};
    private static final String[] CATEGORIES = {"SUV", "Sedan", "SUV, Wagon", " Wagon ,SUV,", "Pickup"};

    @Test
    void concurrentOverlappingBatchesKeepEveryBucketExact() {
        PostgresDatabase db = TestDatabase.empty();
        JdbiDetectionRepository repository = new JdbiDetectionRepository(db.jdbi());
        List<IndexedDetection> all = detections(6_000, new Random(7));
        // Two indexers, each replaying part of what the other stored, as after a rebalance.
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> store(repository, all.subList(0, 4_000)));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> store(repository, all.subList(2_000, 6_000)));
        first.join();
        second.join();
        long stored = db.jdbi().withHandle(h -> h.createQuery("select count(*) from detections").mapTo(Long.class).one());
        assertEquals(6_000L, stored);
        assertEquals(0, RollupCheck.bucketsOffTheirGroupBy(db.jdbi()));
        assertTrue(db.jdbi().withHandle(h -> h.createQuery("select count(*) from detection_counts").mapTo(Long.class).one()) > 100);
    }

    @Test
    void theUpgradeCountsTheRowsStoredBefore() throws IOException {
        PostgresDatabase db = TestDatabase.empty();
        new JdbiDetectionRepository(db.jdbi()).store(detections(3_000, new Random(11)));
        db.jdbi().useHandle(h -> h.execute("truncate detection_counts"));
        assertTrue(RollupCheck.bucketsOffTheirGroupBy(db.jdbi()) > 0, "the check sees counts missing");
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V7__detection_counts_per_bucket.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        db.jdbi().useHandle(h -> h.createScript(migration.substring(migration.indexOf("insert into detection_counts"))).execute());
        assertEquals(0, RollupCheck.bucketsOffTheirGroupBy(db.jdbi()));
    }

    private static void store(JdbiDetectionRepository repository, List<IndexedDetection> detections) {
        for (int i = 0; i < detections.size(); i += 500) {
            repository.store(detections.subList(i, Math.min(i + 500, detections.size())));
        }
    }

    /** Times spread over three days and out of order, so that later batches add to earlier buckets. */
    private static List<IndexedDetection> detections(int n, Random random) {
        Instant start = Instant.parse("2026-05-30T22:00:00Z");
        List<IndexedDetection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = start.plusMillis((long) (random.nextDouble() * 3 * 86_400_000L));
            out.add(Fixtures.detectionAt(i % 3, i, t, MAKES[random.nextInt(MAKES.length)], CATEGORIES[random.nextInt(CATEGORIES.length)]));
        }
        return out;
    }
}
