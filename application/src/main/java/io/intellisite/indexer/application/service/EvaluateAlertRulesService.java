package io.intellisite.indexer.application.service;

import io.intellisite.indexer.application.port.in.EvaluateAlertRulesUseCase;
import io.intellisite.indexer.application.port.out.AlertRuleSource;
import io.intellisite.indexer.domain.alert.Alert;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.Optional;

public final class EvaluateAlertRulesService implements EvaluateAlertRulesUseCase {
    private final AlertRuleSource rules;

    public EvaluateAlertRulesService(AlertRuleSource rules) {
        this.rules = rules;
    }

    @Override
    public Optional<Alert> evaluate(IndexedDetection detection) {
        return Alert.raisedBy(detection, rules.current());
    }
}
