package io.intellisite.indexer.adapters.http.alerts.archfixture;

import io.intellisite.indexer.adapters.http.stats.StatsHttpService;

/** A violation for ArchitectureTest: one HTTP feature built on another instead of on what they share. */
public final class AlertsRouteReachingIntoStats {
    private final StatsHttpService stats;

    public AlertsRouteReachingIntoStats(StatsHttpService stats) {
        this.stats = stats;
    }

    public StatsHttpService stats() {
        return stats;
    }
}
