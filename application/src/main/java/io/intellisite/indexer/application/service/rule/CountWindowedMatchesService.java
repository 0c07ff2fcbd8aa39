package io.intellisite.indexer.application.service.rule;

import io.intellisite.indexer.application.port.in.rule.CountWindowedMatchesUseCase;
import io.intellisite.indexer.application.port.out.AlertRuleSource;
import io.intellisite.indexer.domain.alert.Alert;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertWindow;
import io.intellisite.indexer.domain.alert.PendingMatches;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Applies the rule in force now: a match counted under a rule since deleted, disabled or regrouped counts nowhere. */
public final class CountWindowedMatchesService implements CountWindowedMatchesUseCase {
    private final AlertRuleSource rules;

    public CountWindowedMatchesService(AlertRuleSource rules) {
        this.rules = rules;
    }

    @Override
    public Counted count(WindowKey key, PendingMatches pending, PendingMatches.Match match, Supplier<IndexedDetection> detection,
                         long streamTime) {
        Optional<AlertRule> rule = inForce(key);
        if (rule.isEmpty()) {
            return new Counted(PendingMatches.NONE, Optional.empty(), false);
        }
        PendingMatches.Outcome outcome = pending.add(match, rule.get().window(), streamTime);
        List<PendingMatches.Match> fired = outcome.fired();
        if (fired.isEmpty()) {
            return new Counted(outcome.pending(), Optional.empty(), outcome.late());
        }
        AlertWindow window = new AlertWindow(key, rule.get().window(), Instant.ofEpochMilli(fired.getFirst().at()),
                Instant.ofEpochMilli(fired.getLast().at()), fired.stream().map(PendingMatches.Match::detectionId).toList());
        return new Counted(outcome.pending(), Optional.of(Alert.ofWindow(detection.get(), window)), false);
    }

    @Override
    public PendingMatches expire(WindowKey key, PendingMatches pending, long streamTime) {
        return inForce(key).map(rule -> pending.expire(rule.window(), streamTime)).orElse(PendingMatches.NONE);
    }

    private Optional<AlertRule> inForce(WindowKey key) {
        return rules.current().byId(key.ruleId())
                .filter(rule -> rule.enabled() && rule.windowed() && rule.window().groupBy() == key.groupBy());
    }
}
