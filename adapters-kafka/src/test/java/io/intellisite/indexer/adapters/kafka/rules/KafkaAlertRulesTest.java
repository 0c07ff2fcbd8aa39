package io.intellisite.indexer.adapters.kafka.rules;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionPipeline;
import io.intellisite.indexer.adapters.kafka.pipeline.RuledPipelines;
import io.intellisite.indexer.application.contract.AlertRulePublisherContract;
import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.application.port.out.AlertRuleSource;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Rule changes published to the compacted rules topic reach the global rule table of every pipeline instance
 * (two, sharing one application id, as two processes would) and of one started afterwards: a real broker.
 */
class KafkaAlertRulesTest extends AlertRulePublisherContract {
    private static EmbeddedKafkaBroker broker;
    private static DataDirectory data;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<AlertRuleSource, DetectionPipeline> pipelines = new HashMap<>();
    private TopicNames topics;
    private String applicationId;

    @BeforeAll
    static void startBroker() {
        data = DataDirectory.throwaway("alert-rules-test");
        broker = EmbeddedKafkaBroker.start(data, 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        data.release();
    }

    @AfterEach
    void stopInstances() throws Exception {
        for (AutoCloseable part : running.reversed()) {
            part.close();
        }
    }

    @Override
    protected AlertRulePublisher publisher() {
        String run = UUID.randomUUID().toString();
        topics = new TopicNames("detections-" + run, "alerts-" + run, "dlq-" + run, "rules-" + run);
        applicationId = "rules-test-" + run;
        KafkaTopics.ensure(KafkaCluster.at(broker.bootstrapServers()), topics, 2, Duration.ofSeconds(15));
        var publisher = new KafkaAlertRulePublisher(KafkaCluster.at(broker.bootstrapServers()), topics.rules(), Duration.ofSeconds(10));
        running.add(publisher);
        return publisher;
    }

    @Override
    protected List<AlertRuleSource> runningInstances() {
        return List.of(startAnotherInstance(), startAnotherInstance());
    }

    @Override
    protected AlertRuleSource startAnotherInstance() {
        GlobalAlertRuleTable table = new GlobalAlertRuleTable();
        Path stateDir = data.path().resolve("streams-" + UUID.randomUUID());
        DetectionPipeline pipeline = RuledPipelines.create(KafkaCluster.at(broker.bootstrapServers()), topics, table, applicationId,
                stateDir, UUID.randomUUID().toString());
        running.add(pipeline);
        pipelines.put(table, pipeline);
        pipeline.start();
        return table;
    }

    /** A CI run once saw an instance keep a deleted rule for 15 s: say whether its pipeline was still running. */
    @Override
    protected String describe(AlertRuleSource instance) {
        DetectionPipeline pipeline = pipelines.get(instance);
        return pipeline == null ? "" : "its pipeline is " + pipeline.state();
    }
}
