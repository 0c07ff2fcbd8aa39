package io.intellisite.indexer.adapters.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule as a value on the rules topic: {@code {"id", "name", "enabled", "conditions"}}, conditions in their written form. */
final class AlertRuleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertRuleJson() {
    }

    static byte[] write(AlertRule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rule.id());
        json.put("name", rule.name());
        json.put("enabled", rule.enabled());
        json.put("conditions", RuleConditions.toMap(rule.conditions()));
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write rule " + rule.id(), e);
        }
    }

    /** Throws when the bytes are not a rule; the rules topic is written only by this application. */
    static AlertRule read(byte[] value) {
        try {
            Map<?, ?> json = MAPPER.readValue(value, Map.class);
            return new AlertRule((String) json.get("id"), (String) json.get("name"), Boolean.TRUE.equals(json.get("enabled")),
                    RuleConditions.fromMap(json.get("conditions")));
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a rule: " + e.getMessage(), e);
        }
    }
}
