package io.intellisite.indexer.application.model;

import java.time.Duration;
import java.util.Optional;

/** One subscriber's view of the alert stream: missed alerts first (when resuming), then live ones. */
public interface AlertSubscription extends AutoCloseable {
    /** The next alert, or empty if none came within {@code timeout} (time for a heartbeat). */
    Optional<AlertEvent> next(Duration timeout) throws InterruptedException;

    /** True once the subscriber fell too far behind: it must reconnect with its last event id. */
    boolean overflowed();

    /** True while it still replays the alerts a resuming subscriber missed; false once it follows the live feed. */
    default boolean replaying() {
        return false;
    }

    /**
     * Present when the resume id named alerts that are no longer kept (past the topic's retention): then nothing is
     * replayed, and the subscription carries on live from the event id given here.
     */
    default Optional<String> restartedAt() {
        return Optional.empty();
    }

    @Override
    void close();
}
