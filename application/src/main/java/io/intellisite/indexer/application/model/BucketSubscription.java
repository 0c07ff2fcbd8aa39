package io.intellisite.indexer.application.model;

import java.time.Duration;
import java.util.Optional;

/** One subscriber's view of the closed minutes: those after its resume id first, then each as it closes. */
public interface BucketSubscription extends AutoCloseable {
    /** The next closed minute, or empty if none closed within {@code timeout} (time for a heartbeat). */
    Optional<BucketEvent> next(Duration timeout) throws InterruptedException;

    @Override
    void close();
}
