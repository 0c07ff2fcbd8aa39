package io.intellisite.indexer.application.port.in.rule;

import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleCondition;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindow;
import io.intellisite.indexer.domain.alert.RuleWindows;
import java.util.List;

/**
 * A rule as a client describes it, without its id; the rule itself checks the conditions together. {@code window}
 * null: the rule fires on each match.
 */
public record AlertRuleCommand(String name, boolean enabled, List<RuleCondition> conditions, RuleWindow window) {
    public AlertRuleCommand {
        Require.present(conditions, "conditions");
    }

    /** From a client's fields in their written form; a missing {@code enabled} means enabled. */
    public static AlertRuleCommand of(String name, Boolean enabled, Object writtenConditions, Object writtenWindow) {
        return new AlertRuleCommand(name, enabled == null || enabled, RuleConditions.fromMap(writtenConditions),
                RuleWindows.fromMap(writtenWindow));
    }

    public AlertRule toRule(String id) {
        return new AlertRule(id, name, enabled, conditions, window);
    }
}
