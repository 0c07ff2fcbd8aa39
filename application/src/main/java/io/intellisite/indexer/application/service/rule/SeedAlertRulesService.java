package io.intellisite.indexer.application.service.rule;

import io.intellisite.indexer.application.port.in.rule.SeedAlertRulesUseCase;
import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.domain.alert.AlertRule;

public final class SeedAlertRulesService implements SeedAlertRulesUseCase {
    private final AlertRuleRepository rules;
    private final AlertRulePublisher publisher;

    public SeedAlertRulesService(AlertRuleRepository rules, AlertRulePublisher publisher) {
        this.rules = rules;
        this.publisher = publisher;
    }

    @Override
    public void seed(AlertRule first) {
        rules.seed(first, RulePublication.of(publisher, first));
        // A change whose transaction failed after it was published, or a topic recreated empty, is repaired here.
        rules.whileNoChangeCommits(publisher::synchronise);
    }
}
