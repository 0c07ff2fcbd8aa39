package io.intellisite.indexer.application.port.in;

import java.util.Optional;

/** Follows the alerts live, optionally resuming after the last event id a subscriber saw. */
public interface WatchAlertsUseCase {
    AlertSubscription watch(Principal actor, AlertFilter filter, Optional<String> resumeAfter);
}
