package io.intellisite.indexer.application.service.rule;

import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.rule.DeleteAlertRuleUseCase;
import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.domain.alert.AlertRule;

public final class DeleteAlertRuleService implements DeleteAlertRuleUseCase {
    private final AlertRuleRepository rules;
    private final AlertRulePublisher publisher;

    public DeleteAlertRuleService(AlertRuleRepository rules, AlertRulePublisher publisher) {
        this.rules = rules;
        this.publisher = publisher;
    }

    @Override
    public void delete(Principal actor, String id) {
        actor.requireAdmin();
        if (!AlertRule.isId(id) || !rules.remove(id, RulePublication.removalOf(publisher, id))) {
            throw new NotFoundException("rule");
        }
    }
}
