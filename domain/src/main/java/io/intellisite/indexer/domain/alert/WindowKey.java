package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.Require;

/** Where a windowed rule counts a match: the rule, what it groups by, and the detection's group ("" for none). */
public record WindowKey(String ruleId, RuleWindow.GroupBy groupBy, String group) {
    public WindowKey {
        Require.present(ruleId, "rule id");
        Require.present(groupBy, "groupBy");
        Require.present(group, "group");
    }
}
