package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.application.model.AlertSubscription;
import java.util.Optional;

/**
 * Every alert published after a subscription starts, to every subscriber; with {@code resumeAfter} (an event id
 * a subscriber saw), first the alerts published since that one, then the live ones, with no gap or duplicate.
 */
public interface AlertFeed {
    AlertSubscription subscribe(Optional<String> resumeAfter);

    int subscriberCount();
}
