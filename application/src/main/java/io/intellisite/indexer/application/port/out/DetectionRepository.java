package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import io.intellisite.indexer.domain.detection.SourcePosition;
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
}
