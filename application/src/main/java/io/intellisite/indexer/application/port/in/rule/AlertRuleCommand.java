package io.intellisite.indexer.application.port.in.rule;

import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.alert.RuleCondition;
import io.intellisite.indexer.domain.alert.RuleConditions;
import java.util.List;

/** A rule as a client describes it, without its id; the rule itself checks the conditions together. */
public record AlertRuleCommand(String name, boolean enabled, List<RuleCondition> conditions) {
    public AlertRuleCommand {
        Require.present(conditions, "conditions");
    }

    /** From a client's fields; a missing {@code enabled} means enabled. */
    public static AlertRuleCommand of(String name, Boolean enabled, Object writtenConditions) {
        return new AlertRuleCommand(name, enabled == null || enabled, RuleConditions.fromMap(writtenConditions));
    }
}
