package io.intellisite.indexer.application.port.in.rule;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.alert.AlertRule;

/** An admin adds a rule; it takes effect on every running instance. */
public interface CreateAlertRuleUseCase {
    AlertRule create(Principal actor, AlertRuleCommand command);
}
