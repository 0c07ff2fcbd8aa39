package io.intellisite.indexer.application.port.in.rule;

import io.intellisite.indexer.domain.alert.AlertRule;

/** At start-up: stores the configured first rule if no rule was ever stored, then publishes the record. */
public interface SeedAlertRulesUseCase {
    void seed(AlertRule first);
}
