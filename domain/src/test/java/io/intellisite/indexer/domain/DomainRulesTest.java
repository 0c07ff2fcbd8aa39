package io.intellisite.indexer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertRules;
import io.intellisite.indexer.domain.alert.RuleCondition;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.user.Email;
import io.intellisite.indexer.domain.user.RawPassword;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.Username;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a b@example.com", "@example.com", "ann@exa mple.com"})
    void rejectsMalformedEmails(String email) {
        assertThrows(InvalidValueException.class, () -> new Email(email));
    }

    @Test
    void normalisesEmailCase() {
        assertEquals(new Email("ann@example.com"), new Email(" Ann@Example.COM "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "with space", "semi;colon", "'; drop table users; --"})
    void rejectsBadUsernames(String name) {
        assertThrows(InvalidValueException.class, () -> new Username("x".repeat(65)));
        assertThrows(InvalidValueException.class, () -> new Username(name));
    }

    @Test
    void passwordPolicyAndSecrecy() {
        assertThrows(InvalidValueException.class, () -> RawPassword.chosen("short"));
        assertFalse(RawPassword.chosen("long enough").toString().contains("long enough"));
        assertEquals(Role.ADMIN, Role.fromWireName(" Admin "));
        assertThrows(InvalidValueException.class, () -> Role.fromWireName("root"));
    }

    @Test
    void tokenWithoutSubjectCannotBeMade() {
        Instant now = Instant.now();
        assertThrows(InvalidValueException.class, () -> new TokenClaims(null, "A", "B", "a@b.co", Role.VIEWER,
                "iss", "aud", now, now.plusSeconds(60)));
        assertThrows(InvalidValueException.class, () -> new TokenClaims("ann", "A", "B", "a@b.co", Role.VIEWER,
                "iss", "aud", now, now.plusSeconds(60)));
        assertEquals("ann", new TokenClaims("username:ann", "A", "B", "a@b.co", Role.VIEWER,
                "iss", "aud", now, now.plusSeconds(60)).username());
    }

    @Test
    void detectionValidatesYearAndTexts() {
        int next = Year.now().getValue() + 1;
        new Detection(next, "Toyota", "Land Cruiser", "SUV");
        assertThrows(InvalidValueException.class, () -> new Detection(next + 1, "Toyota", "X", "SUV"));
        assertThrows(InvalidValueException.class, () -> new Detection(1885, "Toyota", "X", "SUV"));
        assertThrows(InvalidValueException.class, () -> new Detection(2011, " ", "X", "SUV"));
        assertThrows(InvalidValueException.class, () -> new Detection(2011, "T", "x".repeat(101), "SUV"));
        assertThrows(InvalidValueException.class, () -> new Detection(2011, "T", "X", " , ,"));
        assertThrows(InvalidValueException.class, () -> new Detection(2011, "Toy\u0000ota", "X", "SUV"));
        assertThrows(InvalidValueException.class, () -> new Detection(2011, "T", "X\ud800", "SUV"));
        assertThrows(InvalidValueException.class, () -> new Detection(2011, "T", "\udc00X", "SUV"));
        assertEquals("Jeep \ud83d\ude99", new Detection(2011, "Jeep \ud83d\ude99", "X", "SUV").make());
        assertEquals(List.of("SUV", "Wagon"), new Detection(2011, "T", "X", "SUV, Wagon").categories());
        assertEquals(List.of("SUV", "Wagon"), new Detection(2011, "T", "X", ",SUV,, Wagon ,").categories());
        assertEquals(List.of("Van/Minivan"), new Detection(2011, "T", "X", "Van/Minivan").categories());
    }

    @Test
    void ruleMatchesAnyListedCategoryIgnoringCaseAndBlanks() {
        AlertRule suv = AlertRule.suspiciousCategory("SUV");
        assertTrue(suv.matches(new Detection(2011, "Toyota", "Land Cruiser", "SUV")));
        assertTrue(suv.matches(new Detection(2011, "Subaru", "Outback", "Wagon,  suv ")));
        assertFalse(suv.matches(new Detection(2011, "Ford", "Focus", "Sedan, Hatchback")));
        assertFalse(suv.matches(new Detection(2011, "Ford", "X", "SUVs")));
        AlertRules rules = new AlertRules(List.of(suv, new AlertRule("wagons", "Wagons", true, List.of(new RuleCondition.CategoryIn(Set.of("wagon"))))));
        assertEquals(List.of("suspicious-vehicle", "wagons"),
                rules.matchingIds(new Detection(2011, "Subaru", "Outback", "SUV, Wagon")));
    }

    @Test
    void detectionIdIsDerivedFromItsSourcePosition() {
        UUID topicId = UUID.randomUUID();
        var a = new SourcePosition("intellisite.detections", topicId, 2, 42);
        assertEquals(a.detectionId(), new SourcePosition("intellisite.detections", topicId, 2, 42).detectionId());
        assertNotEquals(a.detectionId(), new SourcePosition("intellisite.detections", topicId, 2, 43).detectionId());
        assertNotEquals(a.detectionId(), new SourcePosition("intellisite.detections", topicId, 3, 42).detectionId());
        assertNotEquals(a.detectionId(), new SourcePosition("intellisite.detections", UUID.randomUUID(), 2, 42).detectionId(),
                "the topic created again under the same name");
        assertEquals(UUID.nameUUIDFromBytes("intellisite.detections/2/42".getBytes(StandardCharsets.UTF_8)),
                new SourcePosition("intellisite.detections", SourcePosition.UNRECORDED_TOPIC_ID, 2, 42).detectionId(),
                "rows from before topic ids keep the ids they were stored with");
        assertEquals(UUID.nameUUIDFromBytes((topicId + "/2/42").getBytes(StandardCharsets.UTF_8)), a.detectionId(),
                "a standard name-based (version 3) UUID");
    }
}
