package io.intellisite.indexer.application.port.in.detection;

import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.List;

/**
 * Stores a batch of detections durably and idempotently. The detections the store refuses for their content
 * come back in the result, every other one of the batch stored; a store that is unavailable throws instead,
 * and the whole batch is to be retried.
 */
public interface IndexDetectionsUseCase {
    IndexResult index(List<IndexedDetection> batch);
}
