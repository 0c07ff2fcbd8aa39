package io.intellisite.indexer.application.port.in;

/** Pages through the indexed detections. */
public interface ListDetectionsUseCase {
    DetectionPage list(Principal actor, DetectionQuery query);
}
