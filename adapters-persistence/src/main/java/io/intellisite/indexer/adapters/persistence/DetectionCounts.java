package io.intellisite.indexer.adapters.persistence;

import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.domain.detection.BucketCount;
import io.intellisite.indexer.domain.detection.MakeCount;
import io.intellisite.indexer.domain.detection.StatsDimension;
import io.intellisite.indexer.domain.detection.ValueCount;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The counts kept beside the detections ({@code make_counts}, {@code detection_counts}, written by
 * {@link JdbiDetectionRepository#store}): read on the API's pool, expired on the writers'.
 */
final class DetectionCounts {
    private static final int DROP_BATCH = 10_000;
    private final Jdbi jdbi;
    private final Jdbi reads;

    DetectionCounts(Jdbi jdbi, Jdbi reads) {
        this.jdbi = jdbi;
        this.reads = reads;
    }

    List<BucketCount> perBucket(TimeSeriesQuery.Range range) {
        return StoreFailures.busyIfUnavailable(() -> reads.withHandle(h -> h.createQuery("""
                        select bucket, value, count from detection_counts
                        where bucket_size = :size and dimension = :by and bucket >= :from and bucket < :to and count > 0
                        order by bucket, value collate "C\"""")
                .bind("size", range.size().wireName()).bind("by", range.by().wireName())
                .bind("from", OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC)).bind("to", OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC))
                .map((rs, ctx) -> new BucketCount(rs.getObject("bucket", OffsetDateTime.class).toInstant(), rs.getString("value"), rs.getLong("count")))
                .list()));
    }

    List<ValueCount> top(StatsDimension by, Instant since, int n) {
        return StoreFailures.busyIfUnavailable(() -> reads.withHandle(h -> h.createQuery("""
                        select value, sum(count) as total from detection_counts
                        where bucket_size = 'minute' and dimension = :by and bucket >= :since
                        group by value having sum(count) > 0 order by total desc, value collate "C" limit :n""")
                .bind("by", by.wireName()).bind("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).bind("n", n)
                .map((rs, ctx) -> new ValueCount(rs.getString("value"), rs.getLong("total"))).list()));
    }

    /*
     * A dimension at a time, so that each delete walks the primary key's (bucket_size, dimension, bucket) prefix; a
     * batch at a time, so that its row locks are held briefly against the indexer's upserts.
     */
    long dropMinutesBefore(Instant before) {
        long dropped = 0;
        for (StatsDimension by : StatsDimension.values()) {
            int batch;
            do {
                batch = jdbi.withHandle(h -> h.createUpdate("""
                                delete from detection_counts where ctid in (select ctid from detection_counts
                                where bucket_size = 'minute' and dimension = :by and bucket < :before limit :limit)""")
                        .bind("by", by.wireName()).bind("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                        .bind("limit", DROP_BATCH).execute());
                dropped += batch;
            } while (batch == DROP_BATCH);
        }
        return dropped;
    }

    List<MakeCount> byMake() {
        return StoreFailures.busyIfUnavailable(() -> reads.withHandle(h -> h.createQuery("select make, count from make_counts where count > 0 order by make collate \"C\"")
                .map((rs, ctx) -> new MakeCount(rs.getString("make"), rs.getLong("count"))).list()));
    }
}
