package io.intellisite.indexer.adapters.kafka.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.adapters.kafka.rules.KafkaAlertRulePublisher;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertRules;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * The rules' global thread cannot be replaced: when it fails, the pipeline has stopped for good and says so, and a new
 * start carries on. A real broker, where the rules topic is deleted and made again under a running pipeline (an
 * operator's reset): the global thread's position is then past the new topic's end.
 */
class PipelineFailureTest {
    private static final TopicNames TOPICS = new TopicNames("detections", "alerts", "dead-letters", "rules");

    @Test
    void aPipelineWhoseRulesThreadFailsSaysSoAndANewStartReadsTheRulesAgain() throws Exception {
        DataDirectory data = DataDirectory.throwaway("pipeline-failure-test");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, 0);
             Admin admin = Admin.create(KafkaCluster.at(broker.bootstrapServers()).config(Map.of()))) {
            KafkaCluster cluster = KafkaCluster.at(broker.bootstrapServers());
            KafkaTopics.ensure(cluster, TOPICS, 1, Duration.ofSeconds(15));
            Path stateDir = data.path().resolve("streams");
            try (KafkaAlertRulePublisher publisher = new KafkaAlertRulePublisher(cluster, TOPICS.rules(), Duration.ofSeconds(10))) {
                for (String category : List.of("SUV", "Van", "Truck")) {
                    publisher.published(TopologyTestDriverFixture.rule(category, true, Map.of("category", List.of(category))));
                }
                GlobalAlertRuleTable table = new GlobalAlertRuleTable();
                try (DetectionPipeline pipeline = pipeline(cluster, table, stateDir)) {
                    pipeline.start();
                    await(table, 3);
                    admin.deleteTopics(List.of(TOPICS.rules())).all().get(15, TimeUnit.SECONDS);
                    KafkaTopics.ensure(cluster, TOPICS, 1, Duration.ofSeconds(30));
                    AlertRule wagons = TopologyTestDriverFixture.rule("wagons", true, Map.of("category", List.of("Wagon")));
                    publisher.published(wagons);

                    String failure = pipeline.failure().toCompletableFuture().get(60, TimeUnit.SECONDS);
                    assertTrue(failure.startsWith("the detection pipeline stopped for good") && failure.contains("out of range"), failure);
                    assertEquals(KafkaStreams.State.ERROR, pipeline.state());
                    assertEquals(3, table.current().rules().size(), "the failed instance still holds the old rules");

                    GlobalAlertRuleTable restarted = new GlobalAlertRuleTable();
                    try (DetectionPipeline again = pipeline(cluster, restarted, stateDir)) {
                        again.start();
                        await(restarted, 1);
                        assertEquals(new AlertRules(List.of(wagons)), restarted.current());
                        assertTrue(again.isRunning());
                    }
                }
            }
        } finally {
            data.release();
        }
    }

    private static DetectionPipeline pipeline(KafkaCluster cluster, GlobalAlertRuleTable table, Path stateDir) {
        return RuledPipelines.create(cluster, TOPICS, table, "failure-test", stateDir, "instance-1");
    }

    private static void await(GlobalAlertRuleTable table, int rules) throws InterruptedException {
        Eventually.waitFor(() -> table.current().rules().size() == rules, Duration.ofSeconds(30),
                () -> " for " + rules + " rules; the table holds " + table.current());
    }
}
