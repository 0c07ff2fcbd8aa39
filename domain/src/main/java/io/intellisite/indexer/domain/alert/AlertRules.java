package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.detection.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules in force, ordered by id. A detection raises one alert that lists every rule without a window it
 * matched, and counts in the window of each windowed rule it matched.
 */
public final class AlertRules {
    public static final AlertRules NONE = new AlertRules(List.of());
    private final List<AlertRule> rules;
    private final List<AlertRule> immediate;
    private final List<AlertRule> windowed;
    private final Map<String, AlertRule> byId;

    public AlertRules(List<AlertRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(AlertRule::id)).toList();
        immediate = this.rules.stream().filter(r -> !r.windowed()).toList();
        windowed = this.rules.stream().filter(AlertRule::windowed).toList();
        byId = this.rules.stream().collect(Collectors.toUnmodifiableMap(AlertRule::id, Function.identity(), (a, b) -> b));
    }

    public List<AlertRule> rules() {
        return rules;
    }

    public Optional<AlertRule> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The rules without a window that {@code detection} matches. On the hot path: plain loops. */
    public List<String> matchingIds(Detection detection) {
        List<String> ids = null;
        for (AlertRule rule : immediate) {
            if (rule.matches(detection)) {
                if (ids == null) {
                    ids = new ArrayList<>(2);
                }
                ids.add(rule.id());
            }
        }
        return ids == null ? List.of() : ids;
    }

    /** Where {@code detection} counts: one key per windowed rule it matches and group it falls in. */
    public List<WindowKey> windowKeys(Detection detection) {
        List<WindowKey> keys = null;
        for (AlertRule rule : windowed) {
            if (rule.matches(detection)) {
                if (keys == null) {
                    keys = new ArrayList<>(2);
                }
                for (String group : rule.window().groupBy().groups(detection)) {
                    keys.add(new WindowKey(rule.id(), rule.window().groupBy(), group));
                }
            }
        }
        return keys == null ? List.of() : keys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertRules other && other.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "AlertRules" + rules;
    }
}
