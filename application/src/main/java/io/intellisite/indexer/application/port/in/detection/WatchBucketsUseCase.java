package io.intellisite.indexer.application.port.in.detection;

import io.intellisite.indexer.application.model.BucketSubscription;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.detection.StatsDimension;
import java.util.Optional;

/**
 * Follows the per-minute counts as each minute closes, within the stream limits; resuming after a minute's id
 * delivers the minutes closed since first (at most a day of them).
 */
public interface WatchBucketsUseCase {
    BucketSubscription watch(Principal actor, StatsDimension by, Optional<String> resumeAfter);
}
