package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.detection.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The rules in force, ordered by id; a detection raises one alert that lists every rule it matched. */
public record AlertRules(List<AlertRule> rules) {
    public static final AlertRules NONE = new AlertRules(List.of());

    public AlertRules {
        rules = rules.stream().sorted(Comparator.comparing(AlertRule::id)).toList();
    }

    public List<String> matchingIds(Detection detection) {
        List<String> ids = null;
        for (AlertRule rule : rules) {
            if (rule.matches(detection)) {
                if (ids == null) {
                    ids = new ArrayList<>(2);
                }
                ids.add(rule.id());
            }
        }
        return ids == null ? List.of() : ids;
    }
}
