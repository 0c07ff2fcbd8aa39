package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.application.service.rule.CountWindowedMatchesService;
import io.intellisite.indexer.application.service.rule.EvaluateAlertRulesService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A pipeline on a real broker whose rules come from {@code table}, with the tests' short commit interval and back-off. */
public final class RuledPipelines {
    private RuledPipelines() {
    }

    public static DetectionPipeline create(KafkaCluster cluster, TopicNames topics, GlobalAlertRuleTable table, String applicationId,
                                           Path stateDir, String instanceId) {
        return new DetectionPipeline(new DetectionTopology(topics, new EvaluateAlertRulesService(table), new CountWindowedMatchesService(table),
                table, new TopicIds(topic -> UUID.nameUUIDFromBytes(topic.getBytes()))),
                new DetectionPipeline.Settings(cluster, applicationId, stateDir, instanceId, 1, Duration.ofMillis(50),
                        Duration.ofSeconds(1), Map.of()));
    }
}
