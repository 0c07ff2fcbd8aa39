package io.intellisite.indexer.application.service.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.inmemory.InMemoryAlertRuleRepository;
import io.intellisite.indexer.application.inmemory.InMemoryAlertRuleTopic;
import io.intellisite.indexer.application.port.in.AccessDeniedException;
import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.in.rule.AlertRuleCommand;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRuleUseCasesTest {
    private static final Detection LADA = new Detection(1990, "Lada", "Niva", "SUV");
    private final InMemoryAlertRuleRepository repository = new InMemoryAlertRuleRepository();
    private final InMemoryAlertRuleTopic topic = new InMemoryAlertRuleTopic();
    private final CreateAlertRuleService create = new CreateAlertRuleService(repository, topic);
    private final UpdateAlertRuleService update = new UpdateAlertRuleService(repository, topic);
    private final DeleteAlertRuleService delete = new DeleteAlertRuleService(repository, topic);
    private final ListAlertRulesService list = new ListAlertRulesService(repository);
    private final EvaluateAlertRulesService evaluate = new EvaluateAlertRulesService(topic);
    private final Principal admin = principal(Role.ADMIN);
    private final Principal viewer = principal(Role.VIEWER);

    private static Principal principal(Role role) {
        Instant now = Instant.now();
        return new Principal(new TokenClaims(TokenClaims.SUBJECT_PREFIX + role, "N", "L", "n@example.com", role,
                "iss", "aud", now, now.plusSeconds(60)));
    }

    private static AlertRuleCommand ladas(boolean enabled) {
        return AlertRuleCommand.of("Ladas", enabled, Map.of("make", List.of("lada")), null);
    }

    private List<String> matched(Detection detection) {
        return evaluate.evaluate(detection, () -> IndexedDetection.at(new SourcePosition("t", java.util.UUID.randomUUID(), 0, 1), Instant.now(), detection, "{}"))
                .map(alert -> alert.ruleIds()).orElse(List.of());
    }

    @Test
    void anAdminsChangesAreStoredAndPublishedAndDecideAlerts() {
        AlertRule rule = create.create(admin, ladas(true));
        assertEquals(rule, list.get(viewer, rule.id()));
        assertEquals(List.of(rule.id()), topic.current().matchingIds(LADA));

        update.update(admin, rule.id(), ladas(false));
        assertEquals(List.of(), topic.current().matchingIds(LADA));
        assertEquals(List.of(new AlertRule(rule.id(), rule.name(), false, rule.conditions())), list.list(viewer));

        delete.delete(admin, rule.id());
        assertEquals(List.of(), topic.current().rules());
        assertThrows(NotFoundException.class, () -> list.get(viewer, rule.id()));
        assertThrows(NotFoundException.class, () -> update.update(admin, rule.id(), ladas(true)));
        assertThrows(NotFoundException.class, () -> delete.delete(admin, rule.id()));
    }

    @Test
    void viewersReadButCannotChange() {
        AlertRule rule = create.create(admin, ladas(true));
        assertThrows(AccessDeniedException.class, () -> create.create(viewer, ladas(true)));
        assertThrows(AccessDeniedException.class, () -> update.update(viewer, rule.id(), ladas(false)));
        assertThrows(AccessDeniedException.class, () -> delete.delete(viewer, rule.id()));
        assertEquals(List.of(rule), list.list(viewer));
    }

    @Test
    void whenThePipelineCannotBeToldNothingChanges() {
        AlertRule rule = create.create(admin, ladas(true));
        topic.reachable(false);
        assertThrows(ServiceUnavailableException.class, () -> create.create(admin, ladas(true)));
        assertThrows(ServiceUnavailableException.class, () -> update.update(admin, rule.id(), ladas(false)));
        assertThrows(ServiceUnavailableException.class, () -> delete.delete(admin, rule.id()));
        assertEquals(List.of(rule), list.list(admin));
        assertEquals(List.of(rule), topic.current().rules());
    }

    @Test
    void twoMatchingRulesGiveOneAlertListingBoth() {
        new SeedAlertRulesService(repository, topic).seed(AlertRule.suspiciousCategory("suv"));
        AlertRule a = create.create(admin, ladas(true));
        assertEquals(List.of(a.id(), AlertRule.SUSPICIOUS_VEHICLE_ID).stream().sorted().toList(), matched(LADA));
        assertEquals(List.of(), matched(new Detection(1990, "Volvo", "240", "Wagon")));
    }

    @Test
    void theFirstRuleIsSeededOnceAndTheTopicIsRepairedFromTheRecordAtStart() {
        SeedAlertRulesService seed = new SeedAlertRulesService(repository, topic);
        seed.seed(AlertRule.suspiciousCategory("SUV"));
        assertEquals(List.of(AlertRule.SUSPICIOUS_VEHICLE_ID), matched(LADA));
        delete.delete(admin, AlertRule.SUSPICIOUS_VEHICLE_ID);
        topic.published(AlertRule.suspiciousCategory("SUV"));
        seed.seed(AlertRule.suspiciousCategory("SUV"));
        assertEquals(List.of(), list.list(admin));
        assertEquals(List.of(), matched(LADA));
    }

    @Test
    void theNumberOfRulesIsBounded() {
        for (int i = 0; i < RulePublication.MAX_RULES; i++) {
            create.create(admin, ladas(true));
        }
        assertTrue(assertThrows(InvalidValueException.class, () -> create.create(admin, ladas(true)))
                .getMessage().contains("at most"));
    }
}
