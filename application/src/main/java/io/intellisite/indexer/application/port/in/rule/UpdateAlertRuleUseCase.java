package io.intellisite.indexer.application.port.in.rule;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.alert.AlertRule;

/** An admin replaces a rule's name, conditions or enabled flag; the id stays. */
public interface UpdateAlertRuleUseCase {
    AlertRule update(Principal actor, String id, AlertRuleCommand command);
}
