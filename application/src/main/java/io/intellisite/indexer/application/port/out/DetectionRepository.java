package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.domain.detection.BucketCount;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import io.intellisite.indexer.domain.detection.SourcePosition;
import io.intellisite.indexer.domain.detection.StatsDimension;
import io.intellisite.indexer.domain.detection.ValueCount;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The indexed history of detections and the per-make counts kept beside it. */
public interface DetectionRepository {
    /**
     * Stores the batch in one transaction, skipping detections whose id is already stored, and adds the
     * newly stored ones (only those) to the per-make counts. Returns how many were new. Throws
     * {@link BatchRefusedException} when a detection's content is what the store cannot keep (nothing of the batch
     * is stored then), and any other exception when the store is unavailable.
     */
    int store(List<IndexedDetection> batch);

    /**
     * Gives the rows stored before topic ids were recorded ({@link SourcePosition#UNRECORDED_TOPIC_ID}) from the
     * topic named {@code topic} the id {@code topicId}, once per topic name: the topic of that name when an instance
     * first records ids is taken to be the one they came from, so that its records read again are known as stored.
     * Returns how many rows it changed (0 on every later call).
     */
    int adoptUnrecordedRows(String topic, UUID topicId);

    /** Throws {@link StoreBusyException} when the reads' share of the store is taken or the query runs too long. */
    DetectionPage find(DetectionQuery query);

    /** Sorted by make; costs O(number of makes), not O(detections). {@link StoreBusyException} as {@link #find}. */
    List<MakeCount> countsByMake();

    /**
     * The stored detections counted per bucket of the range (by each detection's time) and per make or category, the
     * buckets with none left out; sorted by start, then value. Kept beside the rows as {@link #countsByMake} is, so its
     * cost follows the buckets asked for, not the rows stored. {@link StoreBusyException} as {@link #find}.
     */
    List<BucketCount> countsPerBucket(TimeSeriesQuery.Range range);

    /**
     * The {@code n} makes or categories with the most detections whose time is at or after {@code since} (a minute's
     * start), most first, ties by value. {@link StoreBusyException} as {@link #find}.
     */
    List<ValueCount> top(StatsDimension by, Instant since, int n);

    /**
     * Drops the per-minute counts of the minutes that begin before {@code before} (the hours and days stay), a bounded
     * number at a time so that the indexer's writes never wait long; returns how many it dropped.
     */
    long dropMinuteCountsBefore(Instant before);
}
