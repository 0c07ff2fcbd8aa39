package io.intellisite.indexer.application.model;

import io.intellisite.indexer.domain.Require;
import java.util.List;

/**
 * One alert as delivered live: {@code id} is its position in the alert stream (a subscriber resumes after it),
 * {@code json} the alert as published, and the fields subscribers filter on.
 */
public record AlertEvent(String id, String make, List<String> categories, List<String> ruleIds, String json) {
    public AlertEvent {
        Require.text(id, "event id", 10_000);
        Require.present(json, "json");
        categories = List.copyOf(categories);
        ruleIds = List.copyOf(ruleIds);
    }
}
