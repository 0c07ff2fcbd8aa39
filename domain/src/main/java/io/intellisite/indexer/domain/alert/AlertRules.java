package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.detection.Detection;
import java.util.List;

/** The rules in force; a detection raises one alert that lists every rule it matched. */
public record AlertRules(List<AlertRule> rules) {
    public AlertRules {
        rules = List.copyOf(rules);
    }

    public List<String> matchingIds(Detection detection) {
        return rules.stream().filter(rule -> rule.matches(detection)).map(AlertRule::id).toList();
    }
}
