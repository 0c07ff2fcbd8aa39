package io.intellisite.indexer.application.port.in.detection;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.port.in.Principal;

/** Pages through the indexed detections. */
public interface ListDetectionsUseCase {
    DetectionPage list(Principal actor, DetectionQuery query);
}
