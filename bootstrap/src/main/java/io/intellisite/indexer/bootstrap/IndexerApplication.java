package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.http.IndexerHttpServer;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.alerts.KafkaAlertFeed;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionIndexer;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionPipeline;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionTopology;
import io.intellisite.indexer.adapters.kafka.pipeline.GroupProgress;
import io.intellisite.indexer.adapters.kafka.pipeline.HangingTransactions;
import io.intellisite.indexer.adapters.kafka.pipeline.StableInstanceId;
import io.intellisite.indexer.adapters.kafka.pipeline.TopicIds;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.adapters.kafka.rules.KafkaAlertRulePublisher;
import io.intellisite.indexer.adapters.persistence.JdbiAlertRuleRepository;
import io.intellisite.indexer.adapters.persistence.JdbiDetectionRepository;
import io.intellisite.indexer.adapters.persistence.JdbiUserRepository;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.adapters.security.JwtTokens;
import io.intellisite.indexer.adapters.security.Pbkdf2PasswordHasher;
import io.intellisite.indexer.application.UseCases;
import io.intellisite.indexer.application.service.alert.WatchAlertsService;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.embedded.DataDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** One running instance: infrastructure, database, pipeline and HTTP server, closed in reverse order. */
public final class IndexerApplication implements AutoCloseable {
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private Infrastructure infrastructure;
    private IndexerHttpServer http;

    public static IndexerApplication start(Settings settings) {
        IndexerApplication app = new IndexerApplication();
        try {
            app.startParts(settings);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startParts(Settings settings) {
        Clock clock = Clock.systemUTC();
        infrastructure = own(Infrastructure.start(settings));
        boolean demo = infrastructure.isDemo();
        TopicNames topics = new TopicNames(settings.text("DETECTIONS_TOPIC"), settings.text("ALERTS_TOPIC"),
                settings.text("DLQ_TOPIC"), settings.text("RULES_TOPIC"));
        int partitions = settings.integer("TOPIC_PARTITIONS", 1, 10_000);
        JwtTokens tokens = Security.tokens(settings, demo);

        PostgresDatabase database = own(connectDatabase(settings));
        try {
            KafkaTopics.ensure(infrastructure.kafkaBootstrapServers(), topics, partitions, Duration.ofSeconds(15));
        } catch (IllegalStateException e) {
            throw new StartupException("KAFKA_BROKER_URL", e.getMessage());
        }
        Admin kafkaAdmin = own(Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers())));

        var rules = new JdbiAlertRuleRepository(database.jdbi());
        var rulePublisher = own(new KafkaAlertRulePublisher(infrastructure.kafkaBootstrapServers(), topics.rules(), Duration.ofSeconds(10)));
        AlertRule firstRule = AlertRule.suspiciousCategory(settings.text("SUSPICIOUS_VEHICLE"));
        GlobalAlertRuleTable ruleTable = new GlobalAlertRuleTable();
        var detections = new JdbiDetectionRepository(database.jdbi());
        KafkaAlertFeed alertFeed = own(new KafkaAlertFeed(infrastructure.kafkaBootstrapServers(), topics.alerts(),
                settings.integer("SSE_QUEUE_SIZE", 1, 1_000_000)));
        UseCases useCases = UseCases.wire(new UseCases.Ports(new JdbiUserRepository(database.jdbi()),
                        new Pbkdf2PasswordHasher(settings.integer("PASSWORD_ITERATIONS", 1, 100_000_000)), tokens, tokens,
                        detections, rules, rulePublisher, ruleTable, alertFeed),
                new UseCases.Limits(Security.policy(settings), settings.integer("LOGIN_CONCURRENCY", 0, 1_024),
                        new WatchAlertsService.Limits(settings.integer("SSE_MAX_SUBSCRIBERS", 1, 10_000_000),
                                settings.integer("SSE_MAX_STREAMS_PER_USER", 1, 10_000_000))), clock);
        // Seeding and repairing the rules topic takes about a second of round trips: overlap it with the rest of
        // the start, but finish it before the pipeline judges its first record.
        CompletableFuture<Void> rulesPublished = CompletableFuture.runAsync(() -> useCases.seedRules().seed(firstRule));
        FirstAdmin.create(settings, demo, useCases.createFirstAdmin());
        TopicIds topicIds = TopicIds.askingBroker(kafkaAdmin);
        adoptUnrecordedRows(detections, topics.detections(), topicIds);
        // A throwaway run keeps its identity and its stores in a temporary directory too, deleted after the pipeline stops.
        DataDirectory streamsDir = settings.flag("THROWAWAY") ? DataDirectory.throwaway("intellisite-streams")
                : DataDirectory.persistent(Path.of(settings.text("DATA_DIR")).resolve("streams-" + settings.integer("HTTP_PORT", 0, 65535)));
        own(streamsDir::release);
        Path stateDir = streamsDir.path();
        String instanceId = StableInstanceId.in(stateDir);
        List<DetectionIndexer> indexers = new ArrayList<>();
        for (int i = settings.integer("INDEXER_THREADS", 1, 64); i > 0; i--) {
            Map<String, Object> indexerClient = new HashMap<>(settings.kafkaProperties(Settings.KAFKA_INDEXER));
            indexerClient.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.text("APPLICATION_ID") + "-indexer-" + instanceId + "-" + i);
            DetectionIndexer indexer = own(new DetectionIndexer(infrastructure.kafkaBootstrapServers(),
                    settings.text("APPLICATION_ID") + "-indexer", topics.detections(), topics.deadLetters(), topicIds,
                    useCases.indexDetections(), Duration.ofSeconds(5), indexerClient));
            indexer.start();
            indexers.add(indexer);
        }
        DetectionTopology topology = new DetectionTopology(topics, useCases.evaluateRules(), ruleTable, topicIds);
        DetectionPipeline pipeline = own(new DetectionPipeline(topology, new DetectionPipeline.Settings(
                infrastructure.kafkaBootstrapServers(), settings.text("APPLICATION_ID"), stateDir, instanceId,
                settings.integer("STREAM_THREADS", 1, 64), Duration.ofMillis(settings.integer("COMMIT_INTERVAL_MS", 1, 60_000)),
                Duration.ofSeconds(2), settings.kafkaProperties(Settings.KAFKA_STREAMS))));
        try {
            rulesPublished.join();
        } catch (CompletionException e) {
            throw new StartupException("KAFKA_BROKER_URL", "cannot publish the alert rules to " + topics.rules() + ": "
                    + Infrastructure.rootMessage(e));
        }
        Duration stallAfter = Duration.ofSeconds(settings.integer("PIPELINE_STALL_SECONDS", 5, 3_600));
        GroupProgress pipelineProgress = new GroupProgress(kafkaAdmin, settings.text("APPLICATION_ID"), topics.detections(),
                pipeline::consumerClientIds, stallAfter);
        own(new PipelineWatchdog(pipelineProgress, new HangingTransactions(kafkaAdmin, settings.text("APPLICATION_ID"),
                List.of(topics.alerts(), topics.deadLetters()), PipelineWatchdog.RESOLVE_AFTER), stallAfter).start());
        pipeline.start();

        InstanceHealth health = new InstanceHealth(database, kafkaAdmin, pipeline, pipelineProgress, topology, indexers, alertFeed, ruleTable);
        int port = settings.integer("HTTP_PORT", 0, 65535);
        try {
            http = own(IndexerHttpServer.start(new IndexerHttpServer.Settings(settings.text("HTTP_HOST"), port,
                    Duration.ofSeconds(settings.integer("SSE_HEARTBEAT_SECONDS", 1, 3600))), useCases, health.readiness(), health.metrics()));
        } catch (RuntimeException e) {
            throw new StartupException("HTTP_PORT", "cannot listen on " + settings.text("HTTP_HOST") + ":" + port
                    + " (" + Infrastructure.rootMessage(e) + ")");
        }
        DemoProducer demoProducer = DemoProducer.startIfWanted(settings, demo, infrastructure.kafkaBootstrapServers());
        if (demoProducer != null) {
            own(demoProducer);
        }
    }

    /** Once per topic name, at the first start that records topic ids: see DetectionRepository#adoptUnrecordedRows. */
    private static void adoptUnrecordedRows(JdbiDetectionRepository detections, String topic, TopicIds topicIds) {
        int adopted = detections.adoptUnrecordedRows(topic, topicIds.now(topic));
        if (adopted > 0) {
            System.out.printf("%,d detections stored before topic ids were recorded are now known as %s's%n", adopted, topic);
        }
    }

    private PostgresDatabase connectDatabase(Settings settings) {
        try {
            return PostgresDatabase.connectAndMigrate(infrastructure.jdbcUrl(), infrastructure.databaseUser(),
                    infrastructure.databasePassword(), settings.integer("DATABASE_POOL_SIZE", 2, 1000));
        } catch (RuntimeException e) {
            String message = Infrastructure.rootMessage(e);
            String setting = message.contains("password") ? "DATABASE_PASSWORD" : "DATABASE_URL";
            throw new StartupException(setting, "cannot connect to " + infrastructure.jdbcUrl() + " as "
                    + infrastructure.databaseUser() + ": " + message);
        }
    }

    private <T extends AutoCloseable> T own(T part) {
        parts.push(part);
        return part;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                System.err.println("warning: shutdown step failed: " + Infrastructure.rootMessage(e));
            }
        }
    }
}
