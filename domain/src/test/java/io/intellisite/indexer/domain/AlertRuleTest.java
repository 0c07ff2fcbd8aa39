package io.intellisite.indexer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertRules;
import io.intellisite.indexer.domain.alert.RuleCondition;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.detection.Detection;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRuleTest {
    private static final Detection CRUISER = new Detection(2011, "Toyota", "Land Cruiser", "SUV, Wagon");

    private static AlertRule rule(String id, Map<String, Object> conditions) {
        return new AlertRule(id, id, true, RuleConditions.fromMap(conditions));
    }

    @Test
    void everyConditionMustHoldAndTextIgnoresCaseAndBlanks() {
        assertTrue(rule("r", Map.of("make", List.of(" toyota "), "category", List.of("wagon"))).matches(CRUISER));
        assertTrue(rule("r", Map.of("model", Map.of("contains", "CRUISER"))).matches(CRUISER));
        assertTrue(rule("r", Map.of("model", Map.of("equals", "land cruiser"))).matches(CRUISER));
        assertFalse(rule("r", Map.of("model", Map.of("equals", "Cruiser"))).matches(CRUISER));
        assertFalse(rule("r", Map.of("make", List.of("Toyota"), "category", List.of("Sedan"))).matches(CRUISER));
        assertTrue(rule("r", Map.of("year", Map.of("from", 2011, "to", 2011))).matches(CRUISER));
        assertTrue(rule("r", Map.of("year", Map.of("to", 2011))).matches(CRUISER));
        assertFalse(rule("r", Map.of("year", Map.of("from", 2012))).matches(CRUISER));
    }

    @Test
    void aDisabledRuleMatchesNothing() {
        AlertRule enabled = rule("r", Map.of("make", List.of("Toyota")));
        AlertRule disabled = new AlertRule("r", "r", false, enabled.conditions());
        assertTrue(enabled.matches(CRUISER));
        assertFalse(disabled.matches(CRUISER));
        assertEquals(List.of(), new AlertRules(List.of(disabled)).matchingIds(CRUISER));
    }

    @Test
    void everyMatchingRuleIsListedInIdOrder() {
        AlertRules rules = new AlertRules(List.of(rule("b-make", Map.of("make", List.of("Toyota"))),
                AlertRule.suspiciousCategory("SUV"), rule("a-model", Map.of("model", Map.of("contains", "land"))),
                rule("c-never", Map.of("make", List.of("Lada")))));
        assertEquals(List.of("a-model", "b-make", AlertRule.SUSPICIOUS_VEHICLE_ID), rules.matchingIds(CRUISER));
    }

    @Test
    void theWrittenFormRoundTrips() {
        Map<String, Object> written = Map.of("category", List.of("suv", "wagon"), "make", List.of("toyota"),
                "model", Map.of("contains", "cruiser"), "year", Map.of("from", 2000, "to", 2015));
        List<RuleCondition> conditions = RuleConditions.fromMap(written);
        assertEquals(written, RuleConditions.toMap(conditions));
        assertEquals(conditions, RuleConditions.fromMap(RuleConditions.toMap(conditions)));
    }

    @Test
    void rulesThatCouldNeverMatchOrAreMalformedAreRefusedWithAReason() {
        int nextYear = Year.now().getValue() + 1;
        List<Object> bad = List.of(Map.of(), "SUV", Map.of("colour", List.of("red")), Map.of("category", List.of()),
                Map.of("category", "SUV"), Map.of("category", List.of(" ")), Map.of("category", List.of("SUV, Wagon")),
                Map.of("make", List.of(1)), Map.of("model", Map.of("like", "x")), Map.of("model", Map.of("equals", "")),
                Map.of("model", Map.of("equals", "a", "contains", "b")), Map.of("year", Map.of()),
                Map.of("year", Map.of("from", 2015, "to", 2000)), Map.of("year", Map.of("from", nextYear + 1)),
                Map.of("year", Map.of("to", 1800)), Map.of("year", Map.of("from", "2000")), Map.of("year", Map.of("since", 2000)),
                Map.of("make", List.of("x".repeat(101))));
        for (Object conditions : bad) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> RuleConditions.fromMap(conditions),
                    () -> "accepted " + conditions);
            assertFalse(e.getMessage().isBlank());
        }
        assertThrows(InvalidValueException.class, () -> new AlertRule("r", "r", true, List.of()));
        assertThrows(InvalidValueException.class, () -> new AlertRule("r", " ", true, List.of(new RuleCondition.MakeIn(Set.of("a")))));
        assertThrows(InvalidValueException.class, () -> new AlertRule("a b", "r", true, List.of(new RuleCondition.MakeIn(Set.of("a")))));
        assertThrows(InvalidValueException.class, () -> new AlertRule("r", "r", true,
                List.of(new RuleCondition.MakeIn(Set.of("a")), new RuleCondition.MakeIn(Set.of("b")))));
    }
}
