package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.http.MetricGauge;
import io.intellisite.indexer.adapters.http.ReadinessCheck;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.alerts.KafkaAlertFeed;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionIndexer;
import io.intellisite.indexer.adapters.kafka.recovery.GroupProgress;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * What an instance tells its operators: the checks behind {@code /health/ready} (each with the figures that
 * explain it) and the gauges under {@code /metrics}, read from the running parts.
 */
record InstanceHealth(PostgresDatabase database, Admin kafkaAdmin, PipelineParts kafka, KafkaAlertFeed alertFeed,
                      GlobalAlertRuleTable ruleTable) {

    List<ReadinessCheck> readiness() {
        return List.of(new ReadinessCheck("database", database::isReachable),
                new ReadinessCheck("kafka", () -> KafkaTopics.isReachable(kafkaAdmin)),
                new ReadinessCheck("pipeline", () -> kafka.pipeline().isRunning() && kafka.progress().status().stall().isEmpty(), this::pipelineDetails),
                new ReadinessCheck("indexer", () -> kafka.indexers().stream().allMatch(DetectionIndexer::isHealthy),
                        () -> Map.of("indexed", indexed(), "deadLetters", indexerDeadLetters())),
                new ReadinessCheck("alerts", alertFeed::isRunning, () -> Map.of("subscribers", alertFeed.subscriberCount(),
                        "rulesInForce", ruleTable.current().rules().size())));
    }

    List<MetricGauge> metrics() {
        return List.of(
                MetricGauge.total("intellisite.detections.indexed", "detections newly stored by this instance", this::indexed),
                MetricGauge.total("intellisite.detections.dead.letters", "records sent to the dead-letter topic by this instance",
                        () -> kafka.topology().deadLetterCount() + indexerDeadLetters()),
                MetricGauge.total("intellisite.windows.matches", "matches of windowed rules counted by this instance (each rule"
                        + " and group a detection counts in)", kafka.topology()::windowMatchCount),
                MetricGauge.total("intellisite.windows.late.matches", "matches of windowed rules not counted by this instance because"
                        + " they came later than their rule's grace", kafka.topology()::lateMatchCount),
                new MetricGauge("intellisite.indexer.lag.records", "largest consumer lag of this instance's indexer partitions",
                        () -> kafka.indexers().stream().mapToDouble(DetectionIndexer::lag).max().orElse(0)),
                new MetricGauge("intellisite.pipeline.waiting.records", "records on this instance's detection partitions the pipeline"
                        + " has not committed yet", () -> kafka.progress().status().waiting()),
                new MetricGauge("intellisite.pipeline.stalled.seconds", "longest time a partition of this instance's pipeline made"
                        + " no progress with records waiting (0: none waiting, or moving)", () -> kafka.progress().status().stalledNanos() / 1e9),
                new MetricGauge("intellisite.sse.subscribers", "open /alerts streams on this instance", alertFeed::subscriberCount));
    }

    private Map<String, Object> pipelineDetails() {
        GroupProgress.Status status = kafka.progress().status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", kafka.pipeline().state().name());
        details.put("deadLetters", kafka.topology().deadLetterCount());
        details.put("lateWindowMatches", kafka.topology().lateMatchCount());
        details.put("waitingRecords", status.waiting());
        status.stall().ifPresent(reason -> details.put("stalled", reason));
        return details;
    }

    private long indexed() {
        return kafka.indexers().stream().mapToLong(DetectionIndexer::indexedCount).sum();
    }

    private long indexerDeadLetters() {
        return kafka.indexers().stream().mapToLong(DetectionIndexer::deadLetterCount).sum();
    }
}
