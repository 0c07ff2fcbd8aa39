package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.Detection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule that makes a detection suspicious: it matches when any listed category of the detection equals one
 * of the rule's categories, ignoring case and surrounding blanks (the prototype compared the whole string and
 * missed "SUV, Wagon").
 */
public record AlertRule(String id, String name, Set<String> categories) {
    public AlertRule {
        id = Require.text(id, "rule id", 64);
        name = Require.text(name, "rule name", 100);
        Require.present(categories, "categories");
        categories = categories.stream().map(AlertRule::normalise).collect(Collectors.toUnmodifiableSet());
        if (categories.isEmpty() || categories.contains("")) {
            throw new InvalidValueException("a rule needs at least one non-blank category");
        }
    }

    /** The rule made from {@code SUSPICIOUS_VEHICLE}: one category. */
    public static AlertRule suspiciousCategory(String category) {
        return new AlertRule("suspicious-vehicle", "Suspicious vehicle: " + category.strip(), Set.of(category));
    }

    public boolean matches(Detection detection) {
        return detection.categories().stream().map(AlertRule::normalise).anyMatch(categories::contains);
    }

    private static String normalise(String category) {
        return category == null ? "" : category.strip().toLowerCase(Locale.ROOT);
    }
}
