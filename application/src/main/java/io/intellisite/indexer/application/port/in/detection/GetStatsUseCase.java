package io.intellisite.indexer.application.port.in.detection;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.detection.MakeCount;
import java.util.List;

/** How many detections were indexed per make. */
public interface GetStatsUseCase {
    List<MakeCount> countsByMake(Principal actor);
}
