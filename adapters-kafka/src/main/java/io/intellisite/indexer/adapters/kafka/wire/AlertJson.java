package io.intellisite.indexer.adapters.kafka.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intellisite.indexer.domain.alert.Alert;
import io.intellisite.indexer.domain.alert.AlertWindow;
import io.intellisite.indexer.domain.alert.RuleWindow;
import io.intellisite.indexer.domain.detection.Detection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The alerts topic's record format: {@code {"id", "detectedAt", "rules", "Year", "Make", "Model", "Category"}} on one
 * line, the detection's fields under the prototype's names. A windowed rule's alert adds {@code "window": {"rule",
 * "count", "within", "groupBy", "group", "first", "last", "detections"}}: the detections it counted, oldest first. The live stream relays these records unchanged, so a
 * subscriber sees the document a consumer of the topic sees.
 */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {
    }

    /** What a subscriber may filter an alert by. */
    public record Fields(String make, List<String> categories, List<String> ruleIds) {
    }

    public static byte[] write(Alert alert) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", alert.id().toString());
        node.put("detectedAt", alert.detection().detectedAt().toString());
        alert.ruleIds().forEach(node.putArray("rules")::add);
        Detection d = alert.detection().detection();
        node.put("Year", d.year()).put("Make", d.make()).put("Model", d.model()).put("Category", d.category());
        if (alert.window() != null) {
            window(node.putObject("window"), alert.window());
        }
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void window(ObjectNode node, AlertWindow w) {
        node.put("rule", w.key().ruleId()).put("count", w.count()).put("within", w.window().within().toString());
        if (w.key().groupBy() != RuleWindow.GroupBy.NONE) {
            node.put("groupBy", w.key().groupBy().wireName()).put("group", w.key().group());
        }
        node.put("first", w.first().toString()).put("last", w.last().toString());
        w.detectionIds().forEach(id -> node.withArray("detections").add(id.toString()));
    }

    /**
     * The filter fields of an alert record, or empty when the record is no JSON object: the topic is open to other
     * producers, and what they write must not stop the stream; a missing field reads as empty.
     */
    public static Optional<Fields> read(byte[] value) {
        JsonNode node;
        try {
            node = value == null ? null : MAPPER.readTree(value);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        List<String> rules = new ArrayList<>();
        node.path("rules").forEach(n -> rules.add(n.asText()));
        List<String> categories = Arrays.stream(node.path("Category").asText("").split(",")).map(String::strip).toList();
        return Optional.of(new Fields(node.path("Make").asText(""), categories, rules));
    }
}
