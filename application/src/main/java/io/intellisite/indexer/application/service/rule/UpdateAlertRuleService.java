package io.intellisite.indexer.application.service.rule;

import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.rule.AlertRuleCommand;
import io.intellisite.indexer.application.port.in.rule.UpdateAlertRuleUseCase;
import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.domain.alert.AlertRule;

public final class UpdateAlertRuleService implements UpdateAlertRuleUseCase {
    private final AlertRuleRepository rules;
    private final AlertRulePublisher publisher;

    public UpdateAlertRuleService(AlertRuleRepository rules, AlertRulePublisher publisher) {
        this.rules = rules;
        this.publisher = publisher;
    }

    @Override
    public AlertRule update(Principal actor, String id, AlertRuleCommand command) {
        actor.requireAdmin();
        AlertRule rule = command.toRule(id);
        if (!rules.replace(rule, RulePublication.of(publisher, rule))) {
            throw new NotFoundException("rule");
        }
        return rule;
    }
}
