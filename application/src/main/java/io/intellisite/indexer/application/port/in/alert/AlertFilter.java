package io.intellisite.indexer.application.port.in.alert;

import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.Detection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What one subscriber wants to see: a make, a category, some rules; empty means everything. */
public record AlertFilter(Optional<String> make, Optional<String> category, Set<String> ruleIds) {
    public AlertFilter {
        make = make.map(m -> normalise(Require.text(m, "make", Detection.MAX_TEXT)));
        category = category.map(c -> normalise(Require.text(c, "category", Detection.MAX_TEXT)));
        ruleIds = Set.copyOf(ruleIds);
    }

    public static AlertFilter everything() {
        return new AlertFilter(Optional.empty(), Optional.empty(), Set.of());
    }

    public boolean matches(AlertEvent event) {
        return make.map(m -> normalise(event.make()).equals(m)).orElse(true)
                && category.map(c -> event.categories().stream().map(AlertFilter::normalise).collect(Collectors.toSet()).contains(c)).orElse(true)
                && (ruleIds.isEmpty() || event.ruleIds().stream().anyMatch(ruleIds::contains));
    }

    private static String normalise(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
