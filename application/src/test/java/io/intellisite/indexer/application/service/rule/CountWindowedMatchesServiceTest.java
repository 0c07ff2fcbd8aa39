package io.intellisite.indexer.application.service.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.in.rule.CountWindowedMatchesUseCase.Counted;
import io.intellisite.indexer.domain.alert.Alert;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertRules;
import io.intellisite.indexer.domain.alert.PendingMatches;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindow;
import io.intellisite.indexer.domain.alert.RuleWindows;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The counting use case applies the rule in force when each match arrives, not the one it was forwarded under. */
class CountWindowedMatchesServiceTest {
    private static final WindowKey TOYOTAS = new WindowKey("bursts", RuleWindow.GroupBy.MAKE, "toyota");
    private final AtomicReference<AlertRules> rules = new AtomicReference<>(rules(windowed("make", true)));
    private final CountWindowedMatchesService service = new CountWindowedMatchesService(rules::get);
    private long offset;

    private static AlertRule windowed(String groupBy, boolean enabled) {
        return new AlertRule("bursts", "bursts", enabled, RuleConditions.fromMap(Map.of("category", List.of("SUV"))),
                RuleWindows.fromMap(Map.of("count", 2, "within", "PT1M", "groupBy", groupBy)));
    }

    private static AlertRules rules(AlertRule... rules) {
        return new AlertRules(List.of(rules));
    }

    private Counted count(PendingMatches pending, long at) {
        IndexedDetection d = IndexedDetection.at(new SourcePosition("t", UUID.randomUUID(), 0, offset++), Instant.ofEpochMilli(at),
                new Detection(2011, "Toyota", "Land Cruiser", "SUV"), "{}");
        return service.count(TOYOTAS, pending, new PendingMatches.Match(at, d.id()), () -> d, at);
    }

    @Test
    void theSecondMatchFillsTheWindowAndItsAlertHasItsOwnStableId() {
        Counted first = count(PendingMatches.NONE, 0);
        assertTrue(first.alert().isEmpty());
        Counted second = count(first.pending(), 1_000);
        Alert alert = second.alert().orElseThrow();
        assertEquals(List.of("bursts"), alert.ruleIds());
        assertEquals(2, alert.window().count());
        assertNotEquals(alert.detection().id(), alert.id());
        assertEquals(Alert.ofWindow(alert.detection(), alert.window()).id(), alert.id());
        assertTrue(second.pending().isEmpty());
    }

    @Test
    void aRuleDeletedDisabledOrRegroupedCountsNothingAndForgetsItsGroups() {
        PendingMatches one = count(PendingMatches.NONE, 0).pending();
        assertEquals(1, one.matches().size());
        for (AlertRules changed : List.of(rules(), rules(windowed("make", false)), rules(windowed("model", true)),
                rules(new AlertRule("bursts", "bursts", true, RuleConditions.fromMap(Map.of("category", List.of("SUV"))))))) {
            rules.set(changed);
            Counted counted = count(one, 1_000);
            assertTrue(counted.alert().isEmpty(), changed.toString());
            assertEquals(PendingMatches.NONE, counted.pending());
            assertEquals(PendingMatches.NONE, service.expire(TOYOTAS, one, 1_000));
        }
    }

    @Test
    void expiryKeepsWhatAWindowToComeCanStillUse() {
        PendingMatches one = count(PendingMatches.NONE, 0).pending();
        assertEquals(one, service.expire(TOYOTAS, one, 70_000));
        assertEquals(PendingMatches.NONE, service.expire(TOYOTAS, one, 70_001));
    }
}
