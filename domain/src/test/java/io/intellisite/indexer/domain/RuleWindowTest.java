package io.intellisite.indexer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertRules;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindow;
import io.intellisite.indexer.domain.alert.RuleWindows;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.Detection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleWindowTest {
    private static final Detection SUV_WAGON = new Detection(2011, "Toyota", "Land Cruiser", "SUV, Wagon");

    @Test
    void theWrittenFormRoundTripsWithItsDefaults() {
        RuleWindow window = RuleWindows.fromMap(Map.of("count", 3, "within", "PT1M", "groupBy", "make"));
        assertEquals(new RuleWindow(3, Duration.ofMinutes(1), RuleWindow.GroupBy.MAKE, RuleWindow.DEFAULT_GRACE), window);
        assertEquals(window, RuleWindows.fromMap(RuleWindows.toMap(window)));
        assertEquals(RuleWindow.GroupBy.NONE, RuleWindows.fromMap(Map.of("count", 2, "within", "PT5S")).groupBy());
        assertNull(RuleWindows.fromMap(null));
    }

    @Test
    void badWindowsAreRefusedNamingTheField() {
        assertMessage("unknown window field 'size'", Map.of("count", 3, "within", "PT1M", "size", 1));
        assertMessage("count must be 2 to 100", Map.of("count", 1, "within", "PT1M"));
        assertMessage("count must be a whole number", Map.of("count", "3", "within", "PT1M"));
        assertMessage("within must be an ISO-8601 duration", Map.of("count", 3, "within", "1 minute"));
        assertMessage("within must be from PT1S to P1D", Map.of("count", 3, "within", "P2D"));
        assertMessage("groupBy must be make, model or category", Map.of("count", 3, "within", "PT1M", "groupBy", "colour"));
        assertMessage("grace must be from PT0S to the window's within", Map.of("count", 3, "within", "PT1M", "grace", "PT2M"));
    }

    @Test
    void windowedRulesCountPerGroupAndRaiseNoAlertOnTheirOwn() {
        RuleWindow byCategory = new RuleWindow(3, Duration.ofMinutes(1), RuleWindow.GroupBy.CATEGORY, Duration.ZERO);
        AlertRules rules = new AlertRules(List.of(
                new AlertRule("each", "each", true, RuleConditions.fromMap(Map.of("make", List.of("Toyota")))),
                new AlertRule("bursts", "bursts", true, RuleConditions.fromMap(Map.of("make", List.of("Toyota"))), byCategory)));
        assertEquals(List.of("each"), rules.matchingIds(SUV_WAGON));
        assertEquals(List.of(new WindowKey("bursts", RuleWindow.GroupBy.CATEGORY, "suv"),
                new WindowKey("bursts", RuleWindow.GroupBy.CATEGORY, "wagon")), rules.windowKeys(SUV_WAGON));
        assertEquals(List.of(), rules.windowKeys(new Detection(2011, "Lada", "Niva", "SUV")));
    }

    private static void assertMessage(String part, Map<String, Object> written) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> RuleWindows.fromMap(written));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
