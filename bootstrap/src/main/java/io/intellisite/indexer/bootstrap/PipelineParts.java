package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionIndexer;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionPipeline;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionTopology;
import io.intellisite.indexer.adapters.kafka.recovery.GroupProgress;
import io.intellisite.indexer.adapters.kafka.recovery.HangingTransactions;
import io.intellisite.indexer.adapters.kafka.pipeline.TopicIds;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.application.UseCases;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The Kafka side of one instance: the indexers that store every detection, and the alert pipeline with the watchdog
 * that ends what a crash left hanging before the pipeline starts. Each part is handed to {@code owner} as it starts,
 * so that the instance closes them in reverse order.
 */
record PipelineParts(List<DetectionIndexer> indexers, DetectionTopology topology, DetectionPipeline pipeline, GroupProgress progress) {

    /** Takes a part to close when the instance closes; returns it. */
    @FunctionalInterface
    interface Owner {
        <T extends AutoCloseable> T own(T part);
    }

    /** What the parts share with the rest of the instance. */
    record Shared(KafkaCluster cluster, Admin admin, TopicNames topics, TopicIds topicIds, UseCases useCases,
                  GlobalAlertRuleTable ruleTable, Path stateDir, String instanceId) {
    }

    /**
     * Starts the indexers, then the pipeline once {@code rulesPublished} has completed (its first record is judged
     * by the rules), its watchdog first.
     */
    static PipelineParts start(ProductSettings.Kafka kafka, Shared shared, Runnable rulesPublished, Owner owner) {
        String applicationId = kafka.applicationId();
        List<DetectionIndexer> indexers = new ArrayList<>();
        for (int i = kafka.indexerThreads(); i > 0; i--) {
            Map<String, Object> client = new HashMap<>(kafka.indexerClient());
            client.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, applicationId + "-indexer-" + shared.instanceId() + "-" + i);
            DetectionIndexer indexer = owner.own(new DetectionIndexer(shared.cluster(), applicationId + "-indexer",
                    shared.topics().detections(), shared.topics().deadLetters(), shared.topicIds(),
                    shared.useCases().indexDetections(), Duration.ofSeconds(5), client));
            indexer.start();
            indexers.add(indexer);
        }
        DetectionTopology topology = new DetectionTopology(shared.topics(), shared.useCases().evaluateRules(),
                shared.useCases().countWindows(), shared.ruleTable(), shared.topicIds());
        DetectionPipeline pipeline = owner.own(new DetectionPipeline(topology, new DetectionPipeline.Settings(
                shared.cluster(), applicationId, shared.stateDir(), shared.instanceId(),
                kafka.streamThreads(), kafka.commitInterval(), Duration.ofSeconds(2), kafka.streamsClient())));
        rulesPublished.run();
        GroupProgress progress = new GroupProgress(shared.admin(), applicationId,
                DetectionTopology.inputTopics(shared.topics(), applicationId), pipeline::consumerClientIds, kafka.stallAfter());
        List<String> written = Stream.concat(Stream.of(shared.topics().alerts(), shared.topics().deadLetters()),
                DetectionTopology.internalTopics(applicationId).stream()).toList();
        owner.own(new PipelineWatchdog(progress, new HangingTransactions(shared.cluster(), shared.admin(), applicationId,
                written, PipelineWatchdog.RESOLVE_AFTER), kafka.stallAfter()).start());
        pipeline.start();
        return new PipelineParts(List.copyOf(indexers), topology, pipeline, progress);
    }

    /** What completes, saying what failed, when the pipeline or an indexer stops for good. */
    Stream<CompletionStage<String>> failures() {
        return Stream.concat(Stream.of(pipeline.failure()), indexers.stream().map(DetectionIndexer::failure));
    }
}
