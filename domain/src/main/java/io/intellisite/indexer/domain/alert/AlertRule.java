package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.Detection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule that makes a detection suspicious when all its conditions hold. A disabled rule is kept but matches
 * nothing, so an operator can silence it without losing it. With a {@code window} (null: none) a match alone
 * raises nothing: the rule fires when enough matches of one group fall within the window.
 */
public record AlertRule(String id, String name, boolean enabled, List<RuleCondition> conditions, RuleWindow window) {
    public static final String SUSPICIOUS_VEHICLE_ID = "suspicious-vehicle";
    public static final int MAX_ID = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    public AlertRule {
        id = Require.text(id, "rule id", MAX_ID);
        if (!isId(id)) {
            throw new InvalidValueException("rule id may hold only letters, digits, '.', '_' and '-'");
        }
        name = Require.text(name, "name", 100);
        // One order (by field) so that equal rules are equal however their conditions were listed.
        conditions = Require.present(conditions, "conditions").stream()
                .sorted(Comparator.comparing(RuleCondition::field)).toList();
        if (conditions.isEmpty()) {
            throw new InvalidValueException("a rule needs at least one condition");
        }
        Set<String> fields = new HashSet<>();
        for (RuleCondition condition : conditions) {
            if (!fields.add(condition.field())) {
                throw new InvalidValueException("a rule tests " + condition.field() + " at most once");
            }
        }
    }

    /** A rule without a window: each match raises an alert. */
    public AlertRule(String id, String name, boolean enabled, List<RuleCondition> conditions) {
        this(id, name, enabled, conditions, null);
    }

    public boolean windowed() {
        return window != null;
    }

    /** Whether {@code candidate} is a well-formed rule id: a lookup by anything else can only find nothing. */
    public static boolean isId(String candidate) {
        return candidate != null && candidate.length() <= MAX_ID && ID.matcher(candidate).matches();
    }

    /** The rule made from {@code SUSPICIOUS_VEHICLE}: one category, enabled. */
    public static AlertRule suspiciousCategory(String category) {
        return new AlertRule(SUSPICIOUS_VEHICLE_ID, "Suspicious vehicle: " + category.strip(), true,
                List.of(new RuleCondition.CategoryIn(Set.of(category))));
    }

    // On the hot path (every detection, every rule): a plain loop.
    public boolean matches(Detection detection) {
        if (!enabled) {
            return false;
        }
        for (RuleCondition condition : conditions) {
            if (!condition.matches(detection)) {
                return false;
            }
        }
        return true;
    }
}
