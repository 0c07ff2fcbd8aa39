package io.intellisite.indexer.application.service.rule;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.rule.AlertRuleCommand;
import io.intellisite.indexer.application.port.in.rule.CreateAlertRuleUseCase;
import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.alert.AlertRule;
import java.util.UUID;

public final class CreateAlertRuleService implements CreateAlertRuleUseCase {
    private final AlertRuleRepository rules;
    private final AlertRulePublisher publisher;

    public CreateAlertRuleService(AlertRuleRepository rules, AlertRulePublisher publisher) {
        this.rules = rules;
        this.publisher = publisher;
    }

    @Override
    public AlertRule create(Principal actor, AlertRuleCommand command) {
        actor.requireAdmin();
        // Every rule is tested against every detection: the bound keeps that cost known.
        if (rules.count() >= RulePublication.MAX_RULES) {
            throw new InvalidValueException("at most " + RulePublication.MAX_RULES + " rules; delete one first");
        }
        AlertRule rule = command.toRule(UUID.randomUUID().toString());
        if (!rules.add(rule, RulePublication.of(publisher, rule))) {
            throw new IllegalStateException("random rule id collided: " + rule.id());
        }
        return rule;
    }
}
