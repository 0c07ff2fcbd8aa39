package io.intellisite.indexer.application.port.in.alert;

import io.intellisite.indexer.application.model.AlertSubscription;
import io.intellisite.indexer.application.port.in.Principal;
import java.util.Optional;

/** Follows the alerts live, optionally resuming after the last event id a subscriber saw. */
public interface WatchAlertsUseCase {
    AlertSubscription watch(Principal actor, AlertFilter filter, Optional<String> resumeAfter);
}
