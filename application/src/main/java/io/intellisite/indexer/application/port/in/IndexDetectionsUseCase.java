package io.intellisite.indexer.application.port.in;

import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.List;

/** Stores a batch of detections durably and idempotently; returns how many were new. */
public interface IndexDetectionsUseCase {
    int index(List<IndexedDetection> batch);
}
