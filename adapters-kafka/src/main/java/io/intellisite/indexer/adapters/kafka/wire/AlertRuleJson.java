package io.intellisite.indexer.adapters.kafka.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindows;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule as a value on the rules topic: {@code {"id", "name", "enabled", "conditions", "window"}}, conditions and window
 * in their written form; a rule without a window has no {@code window} field, as before windows existed. */
public final class AlertRuleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertRuleJson() {
    }

    public static byte[] write(AlertRule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rule.id());
        json.put("name", rule.name());
        json.put("enabled", rule.enabled());
        json.put("conditions", RuleConditions.toMap(rule.conditions()));
        if (rule.windowed()) {
            json.put("window", RuleWindows.toMap(rule.window()));
        }
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write rule " + rule.id(), e);
        }
    }

    /**
     * Throws IllegalArgumentException, and only that, when the bytes are not a rule. This application writes the
     * rules topic, but anyone allowed to write to it may too, and a failure of any other kind here would stop
     * the thread that keeps the rules, at every start, since the store keeps the record.
     */
    public static AlertRule read(byte[] value) {
        try {
            if (!(MAPPER.readValue(value, Object.class) instanceof Map<?, ?> json)) {
                throw new IllegalArgumentException("not a rule: not a JSON object");
            }
            return new AlertRule((String) json.get("id"), (String) json.get("name"), Boolean.TRUE.equals(json.get("enabled")),
                    RuleConditions.fromMap(json.get("conditions")), RuleWindows.fromMap(json.get("window")));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a rule: " + e.getMessage(), e);
        }
    }
}
