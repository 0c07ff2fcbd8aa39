package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.domain.alert.AlertRules;

/** The alert rules in force right now. */
@FunctionalInterface
public interface AlertRuleSource {
    AlertRules current();
}
