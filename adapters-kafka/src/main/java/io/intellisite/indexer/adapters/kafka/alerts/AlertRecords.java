package io.intellisite.indexer.adapters.kafka.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.application.model.AlertEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the alerts topic's records, as the live feed and the replays of resuming subscribers both do. */
final class AlertRecords {
    private AlertRecords() {
    }

    /**
     * The alert in this record, or empty when it holds none: the topic is open to other producers, and a record
     * that is not an alert must not stop the feed (or a replay) for every subscriber; its position still counts.
     */
    static Optional<AlertEvent> event(ConsumerRecord<byte[], byte[]> r, AlertPosition after) {
        JsonNode node;
        try {
            node = r.value() == null ? null : DetectionJson.read(r.value());
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        List<String> rules = new ArrayList<>();
        node.path("rules").forEach(n -> rules.add(n.asText()));
        List<String> categories = Arrays.stream(node.path("Category").asText("").split(",")).map(String::strip).toList();
        return Optional.of(new AlertEvent(after.toString(), node.path("Make").asText(""), categories, rules,
                DetectionJson.utf8(r.value())));
    }
}
