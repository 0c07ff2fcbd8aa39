package io.intellisite.indexer.application.service.rule;

import io.intellisite.indexer.application.port.in.rule.EvaluateAlertRulesUseCase;
import io.intellisite.indexer.application.port.out.AlertRuleSource;
import io.intellisite.indexer.domain.alert.Alert;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

public final class EvaluateAlertRulesService implements EvaluateAlertRulesUseCase {
    private final AlertRuleSource rules;

    public EvaluateAlertRulesService(AlertRuleSource rules) {
        this.rules = rules;
    }

    @Override
    public Optional<Alert> evaluate(Detection detection, Supplier<IndexedDetection> indexed) {
        List<String> matched = rules.current().matchingIds(detection);
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        IndexedDetection full = indexed.get();
        return Optional.of(new Alert(full.id(), full, matched));
    }

    @Override
    public List<WindowKey> windowKeys(Detection detection) {
        return rules.current().windowKeys(detection);
    }
}
