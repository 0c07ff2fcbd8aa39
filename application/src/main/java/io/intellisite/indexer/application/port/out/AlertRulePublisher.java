package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.domain.alert.AlertRule;
import java.util.List;

/**
 * Tells every running pipeline instance about rule changes. Each call returns once the change is durably
 * published and throws when it cannot be.
 */
public interface AlertRulePublisher {
    void published(AlertRule rule);

    void removed(String id);

    /** Makes what the instances see equal to {@code rules}, the record: run at start-up to repair any drift. */
    void synchronise(List<AlertRule> rules);
}
