package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.http.IndexerHttpServer;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.TopicContract;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.alerts.KafkaAlertFeed;
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
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.embedded.DataDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/** One running instance: infrastructure, database, pipeline and HTTP server, closed in reverse order. */
public final class IndexerApplication implements AutoCloseable {
    private static final Duration SLOW_STEP = Duration.ofSeconds(2);
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private Infrastructure infrastructure;
    private IndexerHttpServer http;
    private final CompletableFuture<String> failure = new CompletableFuture<>();

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

    private void startParts(Settings raw) {
        ProductSettings settings = ProductSettings.from(raw);
        ProductSettings.Kafka kafka = settings.kafka();
        Clock clock = Clock.systemUTC();
        infrastructure = own(Infrastructure.start(settings));
        warnAboutKafkaSettings(kafka, infrastructure.embeddedKafka());
        // The embedded parts on their own are no demo when DEMO=off (the Docker image): no admin/admin, no random key.
        boolean demo = infrastructure.isDemo() && settings.demo().allowed();
        TopicNames topics = settings.topics().names();
        JwtTokens tokens = Security.tokens(settings.tokens(), demo);

        PostgresDatabase database = own(connectDatabase(settings.database()));
        try {
            KafkaTopics.ensure(infrastructure.kafka(), topics, settings.topics().partitions(), Duration.ofSeconds(15));
        } catch (IllegalStateException e) {
            throw new StartupException(KafkaSettingToBlame.of(e, infrastructure.kafka()), e.getMessage());
        }
        Admin kafkaAdmin = own(Admin.create(infrastructure.kafka().config(Map.of())));

        var rules = new JdbiAlertRuleRepository(database.jdbi());
        var rulePublisher = own(new KafkaAlertRulePublisher(infrastructure.kafka(), topics.rules(), Duration.ofSeconds(10)));
        AlertRule firstRule = AlertRule.suspiciousCategory(settings.alerts().suspiciousVehicle());
        GlobalAlertRuleTable ruleTable = new GlobalAlertRuleTable();
        var detections = JdbiDetectionRepository.on(database);
        KafkaAlertFeed alertFeed = own(new KafkaAlertFeed(infrastructure.kafka(), topics.alerts(),
                settings.alerts().queueSize()));
        UseCases useCases = UseCases.wire(new UseCases.Ports(new JdbiUserRepository(database.jdbi()),
                        new Pbkdf2PasswordHasher(settings.accounts().passwordIterations()), tokens, tokens,
                        detections, rules, rulePublisher, ruleTable, alertFeed),
                new UseCases.Limits(settings.tokens().policy(), settings.accounts().loginConcurrency(), settings.alerts().streams(),
                        settings.database().minuteCountsKept()), clock);
        // Seeding and repairing the rules topic takes about a second of round trips: overlap it with the rest of
        // the start, but finish it before the pipeline judges its first record.
        CompletableFuture<Void> rulesPublished = CompletableFuture.runAsync(() -> useCases.seedRules().seed(firstRule));
        FirstAdmin.create(settings.accounts(), demo, useCases.createFirstAdmin(), System.err);
        TopicIds topicIds = TopicIds.askingBroker(kafkaAdmin);
        adoptUnrecordedRows(detections, topics.detections(), topicIds);
        // A throwaway run keeps its identity and its stores in a temporary directory too, deleted after the pipeline stops.
        DataDirectory streamsDir = settings.storage().throwaway() ? DataDirectory.throwaway("intellisite-streams")
                : DataDirectory.persistent(settings.storage().dataDir().resolve("streams-" + settings.http().port()));
        own(streamsDir::release);
        Path stateDir = streamsDir.path();
        PipelineParts kafkaParts = PipelineParts.start(kafka, new PipelineParts.Shared(infrastructure.kafka(), kafkaAdmin,
                topics, topicIds, useCases, ruleTable, stateDir, StableInstanceId.in(stateDir)),
                () -> awaitRules(rulesPublished, topics.rules()), this::own);
        Stream.concat(kafkaParts.failures(), Stream.of(alertFeed.failure())).forEach(part -> part.thenAccept(failure::complete));
        InstanceMeters meters = own(InstanceMeters.bind(database, kafkaParts.pipeline(), kafkaParts.indexers(), alertFeed));
        own(new MinuteCountsExpiry(useCases.expireMinuteCounts()).start());
        InstanceHealth health = new InstanceHealth(database, kafkaAdmin, kafkaParts, alertFeed, ruleTable);
        ProductSettings.Http web = settings.http();
        try {
            http = own(IndexerHttpServer.start(web.server(),
                    useCases, health.readiness(), meters.registry(), health.metrics(), TopicContract.asyncApi(topics)));
        } catch (RuntimeException e) {
            throw new StartupException("HTTP_PORT", "cannot listen on " + web.host() + ":" + web.port()
                    + " (" + Infrastructure.rootMessage(e) + ")");
        }
        DemoProducer demoProducer = DemoProducer.startIfWanted(settings.demo(), demo, infrastructure.kafka(),
                topics.detections());
        if (demoProducer != null) {
            own(demoProducer);
        }
    }

    private static void awaitRules(CompletableFuture<Void> published, String topic) {
        try {
            published.join();
        } catch (CompletionException e) {
            throw new StartupException("KAFKA_BROKER_URL", "cannot publish the alert rules to " + topic + ": " + Infrastructure.rootMessage(e));
        }
    }

    private static void warnAboutKafkaSettings(ProductSettings.Kafka kafka, boolean embedded) {
        if (!kafka.ignored().isEmpty()) {
            System.err.println("WARNING: " + String.join(", ", kafka.ignored()) + ": no Kafka client knows "
                    + (kafka.ignored().size() == 1 ? "this setting" : "these settings") + "; ignored");
        }
        if (embedded && !kafka.sharedClient().isEmpty()) {
            System.err.println("WARNING: " + kafka.sharedClient().keySet().stream().sorted().map(Settings::sharedKafkaSetting)
                    .collect(Collectors.joining(", ")) + " apply to KAFKA_BROKER_URL's broker only; the embedded broker is reached in plain text on loopback");
        }
    }

    /** Once per topic name, at the first start that records topic ids: see DetectionRepository#adoptUnrecordedRows. */
    private static void adoptUnrecordedRows(JdbiDetectionRepository detections, String topic, TopicIds topicIds) {
        int adopted = detections.adoptUnrecordedRows(topic, topicIds.now(topic));
        if (adopted > 0) {
            System.out.printf("%,d detections stored before topic ids were recorded are now known as %s's%n", adopted, topic);
        }
    }

    private PostgresDatabase connectDatabase(ProductSettings.Database settings) {
        try {
            return PostgresDatabase.connectAndMigrate(infrastructure.jdbcUrl(), infrastructure.databaseUser(),
                    infrastructure.databasePassword(), settings.poolSize(), settings.reads());
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

    /**
     * Completes, saying what failed, once a part that nothing in this process brings back has stopped: the pipeline
     * (its rules thread failed), an indexer's thread or the alert feed's (a fatal consumer error).
     */
    public CompletionStage<String> failure() {
        return failure;
    }

    public int httpPort() {
        return http.port();
    }

    /** Closes the parts in reverse order; a step slower than {@link #SLOW_STEP} is named, so that a slow stop says where. */
    @Override
    public void close() {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            long start = System.nanoTime();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("warning: shutdown step failed: " + Infrastructure.rootMessage(e));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > SLOW_STEP.toMillis()) {
                System.err.printf("shutdown: closing the %s took %,d ms%n", part.getClass().getSimpleName().replaceAll("\\$\\$Lambda.*", ""), millis);
            }
        }
    }
}
