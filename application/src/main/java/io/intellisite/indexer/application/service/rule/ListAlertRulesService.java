package io.intellisite.indexer.application.service.rule;

import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.rule.ListAlertRulesUseCase;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.domain.alert.AlertRule;
import java.util.List;
import java.util.Optional;

/** Any role may read; the principal parameter keeps the bearer check part of the use case's signature. */
public final class ListAlertRulesService implements ListAlertRulesUseCase {
    private final AlertRuleRepository rules;

    public ListAlertRulesService(AlertRuleRepository rules) {
        this.rules = rules;
    }

    @Override
    public List<AlertRule> list(Principal actor) {
        return rules.findAll();
    }

    @Override
    public AlertRule get(Principal actor, String id) {
        return Optional.ofNullable(id).filter(AlertRule::isId).flatMap(rules::findById)
                .orElseThrow(() -> new NotFoundException("rule"));
    }
}
