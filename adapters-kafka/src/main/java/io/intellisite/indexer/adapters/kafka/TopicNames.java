package io.intellisite.indexer.adapters.kafka;

import io.intellisite.indexer.domain.Require;

/** The topics the pipeline reads and writes. */
public record TopicNames(String detections, String alerts, String deadLetters, String rules) {
    public TopicNames {
        detections = Require.text(detections, "DETECTIONS_TOPIC", 249);
        alerts = Require.text(alerts, "ALERTS_TOPIC", 249);
        deadLetters = Require.text(deadLetters, "DLQ_TOPIC", 249);
        rules = Require.text(rules, "RULES_TOPIC", 249);
    }

    public static TopicNames defaults() {
        return new TopicNames("intellisite.detections", "intellisite.alerts", "intellisite.detections.dlq", "intellisite.rules");
    }
}
