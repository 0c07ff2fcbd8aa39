package io.intellisite.indexer.adapters.kafka.alerts;

import io.intellisite.indexer.adapters.kafka.wire.AlertJson;
import io.intellisite.indexer.application.model.AlertEvent;
import java.nio.charset.StandardCharsets;
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
        return AlertJson.read(r.value()).map(alert -> new AlertEvent(after.toString(), alert.make(), alert.categories(),
                alert.ruleIds(), new String(r.value(), StandardCharsets.UTF_8)));
    }
}
