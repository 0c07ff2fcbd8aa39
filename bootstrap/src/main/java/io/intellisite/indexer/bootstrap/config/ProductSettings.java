package io.intellisite.indexer.bootstrap.config;

import io.intellisite.indexer.adapters.http.IndexerHttpServer;
import io.intellisite.indexer.adapters.http.security.TlsFiles;
import io.intellisite.indexer.adapters.http.security.TrustedProxies;
import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.application.service.alert.WatchAlertsService;
import io.intellisite.indexer.domain.token.TokenPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every setting of the product, read once into typed values; each range is stated here and nowhere else, and a
 * value out of it fails the start with the setting's name. Commands that need one part read only that part.
 */
public record ProductSettings(Storage storage, Kafka kafka, Topics topics, Database database, Http http, Alerts alerts,
                              Tokens tokens, Accounts accounts, Demo demo) {

    public static ProductSettings from(Settings s) {
        return new ProductSettings(Storage.from(s), Kafka.from(s), Topics.from(s), Database.from(s), Http.from(s),
                Alerts.from(s), Tokens.from(s), Accounts.from(s), Demo.from(s));
    }

    /** Where embedded parts and the pipeline's identity live, or a temporary directory for a throwaway run. */
    public record Storage(Path dataDir, boolean throwaway) {
        static Storage from(Settings s) {
            return new Storage(Path.of(s.text("DATA_DIR")).toAbsolutePath(), s.flag("THROWAWAY"));
        }
    }

    /**
     * The broker (empty: start the embedded one), the client settings every client of that broker gets (security
     * protocol, SASL, TLS: {@code KAFKA_<NAME>}; names that are no Kafka client setting are left out and listed in
     * {@code ignored}), and how the pipeline and the indexer use it ({@code KAFKA_STREAMS_*}, {@code KAFKA_INDEXER_*},
     * over the shared ones).
     */
    public record Kafka(Optional<String> brokerUrl, int embeddedPort, String applicationId, int streamThreads,
                        int indexerThreads, Duration commitInterval, Duration stallAfter, Map<String, String> sharedClient,
                        List<String> ignored, Map<String, String> streamsClient, Map<String, String> indexerClient) {
        public static Kafka from(Settings s) {
            Map<String, String> shared = new TreeMap<>(s.kafkaProperties(Settings.KAFKA_SHARED));
            List<String> ignored = shared.keySet().stream().filter(name -> !KafkaClientSettings.isKnown(name))
                    .map(Settings::sharedKafkaSetting).toList();
            shared.keySet().removeIf(name -> !KafkaClientSettings.isKnown(name));
            return new Kafka(s.optional("KAFKA_BROKER_URL"), s.integer("EMBEDDED_KAFKA_PORT", 0, 65535),
                    s.text("APPLICATION_ID"), s.integer("STREAM_THREADS", 1, 64), s.integer("INDEXER_THREADS", 1, 64),
                    Duration.ofMillis(s.integer("COMMIT_INTERVAL_MS", 1, 60_000)),
                    Duration.ofSeconds(s.integer("PIPELINE_STALL_SECONDS", 5, 3_600)), Map.copyOf(shared), ignored,
                    s.kafkaProperties(Settings.KAFKA_STREAMS), s.kafkaProperties(Settings.KAFKA_INDEXER));
        }

        /** The broker a command-line tool talks to: the configured one, or the embedded one of a local run. */
        public String brokerOrLocalEmbedded() {
            return brokerUrl.orElse("127.0.0.1:" + embeddedPort);
        }

        /** The configured broker with the shared client settings, or the embedded one of a local run (plain text). */
        public KafkaCluster clusterOrLocalEmbedded() {
            return brokerUrl.map(url -> new KafkaCluster(url, sharedClient)).orElse(KafkaCluster.at(brokerOrLocalEmbedded()));
        }
    }

    /** The four topics and how many partitions the product creates them with. */
    public record Topics(TopicNames names, int partitions) {
        public static Topics from(Settings s) {
            return new Topics(new TopicNames(s.text("DETECTIONS_TOPIC"), s.text("ALERTS_TOPIC"), s.text("DLQ_TOPIC"),
                    s.text("RULES_TOPIC")), s.integer("TOPIC_PARTITIONS", 1, 10_000));
        }
    }

    /** The database (empty URL: start the embedded one), the indexer's pool and the API reads' own pool. */
    public record Database(Optional<String> url, String user, String password, int poolSize, int embeddedPort,
                           PostgresDatabase.ReadPool reads, Duration minuteCountsKept) {
        static Database from(Settings s) {
            return new Database(s.optional("DATABASE_URL"), s.text("DATABASE_USER"), s.optional("DATABASE_PASSWORD").orElse(""),
                    s.integer("DATABASE_POOL_SIZE", 2, 1000), s.integer("EMBEDDED_POSTGRES_PORT", 0, 65535),
                    new PostgresDatabase.ReadPool(s.integer("DATABASE_READ_POOL_SIZE", 1, 1000),
                            Duration.ofMillis(s.integer("DATABASE_READ_TIMEOUT_MS", 100, 600_000)), Duration.ofSeconds(1)),
                    // Longer than the longest top-N window (a day), which reads the minutes.
                    Duration.ofDays(s.integer("STATS_MINUTE_RETENTION_DAYS", 2, 36_500)));
        }
    }

    /**
     * Where the API listens, how often an idle alert stream gets a heartbeat, how long a write to one may block, and
     * which peers are proxies whose X-Forwarded-For names the client, and HTTPS's certificate and key files (both or
     * neither) with how often to look whether they were renewed.
     */
    public record Http(String host, int port, Duration heartbeat, Duration stalledWrite, TrustedProxies proxies,
                       Optional<TlsFiles> tls) {
        public static Http from(Settings s) {
            TrustedProxies proxies;
            try {
                proxies = TrustedProxies.parse(s.optional("TRUSTED_PROXIES").orElse(""));
            } catch (IllegalArgumentException e) {
                throw new StartupException("TRUSTED_PROXIES", e.getMessage());
            }
            Optional<String> cert = s.optional("HTTP_TLS_CERT");
            Optional<String> key = s.optional("HTTP_TLS_KEY");
            if (cert.isPresent() != key.isPresent()) {
                throw new StartupException(cert.isPresent() ? "HTTP_TLS_KEY" : "HTTP_TLS_CERT",
                        "HTTPS needs both HTTP_TLS_CERT and HTTP_TLS_KEY (PEM files), or neither");
            }
            Duration check = Duration.ofSeconds(s.integer("HTTP_TLS_CHECK_SECONDS", 1, 86_400));
            return new Http(s.text("HTTP_HOST"), s.integer("HTTP_PORT", 0, 65535),
                    Duration.ofSeconds(s.integer("SSE_HEARTBEAT_SECONDS", 1, 3600)),
                    Duration.ofSeconds(s.integer("SSE_WRITE_TIMEOUT_SECONDS", 1, 3600)), proxies,
                    cert.map(c -> new TlsFiles(Path.of(c), Path.of(key.orElseThrow()), check)));
        }

        /** What the HTTP server is started with. */
        public IndexerHttpServer.Settings server() {
            return new IndexerHttpServer.Settings(host, port, heartbeat, stalledWrite, proxies, tls);
        }
    }

    /** The first rule's category, each subscriber's queue, and how many alert streams an instance and a user hold. */
    public record Alerts(String suspiciousVehicle, int queueSize, WatchAlertsService.Limits streams) {
        static Alerts from(Settings s) {
            return new Alerts(s.text("SUSPICIOUS_VEHICLE"), s.integer("SSE_QUEUE_SIZE", 1, 1_000_000),
                    new WatchAlertsService.Limits(s.integer("SSE_MAX_SUBSCRIBERS", 1, 10_000_000),
                            s.integer("SSE_MAX_STREAMS_PER_USER", 1, 10_000_000)));
        }
    }

    /**
     * How tokens are signed (the key is checked against the algorithm where the signer is built), what they say, how
     * long each lives and how long renewing them may keep a session going.
     */
    public record Tokens(String algorithm, Optional<String> key, TokenPolicy policy) {
        static Tokens from(Settings s) {
            int minutes = s.integer("JWT_EXPIRE", 1, 7 * 24 * 60);
            int sessionMinutes = s.integer("JWT_SESSION_MINUTES", 1, 90 * 24 * 60);
            if (sessionMinutes < minutes) {
                throw new StartupException("JWT_SESSION_MINUTES", "must be at least JWT_EXPIRE (" + minutes + ")");
            }
            return new Tokens(s.text("JWT_ALGO").toUpperCase(Locale.ROOT), s.optional("JWT_KEY"),
                    TokenPolicy.ofMinutes(s.text("JWT_ISSUER"), s.text("JWT_AUDIENCE"), minutes, sessionMinutes));
        }
    }

    /** Password hashing cost, concurrent password checks (0: half the cores) and the first admin, if set. */
    public record Accounts(int passwordIterations, int loginConcurrency, Optional<String> adminUsername,
                           Optional<String> adminPassword) {
        static Accounts from(Settings s) {
            return new Accounts(s.integer("PASSWORD_ITERATIONS", 1, 100_000_000), s.integer("LOGIN_CONCURRENCY", 0, 1_024),
                    s.optional("ADMIN_USERNAME"), s.optional("ADMIN_PASSWORD"));
        }
    }

    /**
     * Whether a run on the embedded parts is the demo ({@code DEMO=auto}; {@code off} makes it a real deployment: no
     * admin/admin, no random signing key, no demo producer), whether the demo producer runs (empty: only in the demo),
     * and the rate of it and of {@code produce} (0: the demo producer is off, {@code produce} goes as fast as it can).
     */
    public record Demo(Optional<Boolean> producer, int detectionsPerSecond, boolean allowed) {
        public static Demo from(Settings s) {
            boolean auto = s.text("DEMO_PRODUCER").equalsIgnoreCase("auto");
            String demo = s.text("DEMO").toLowerCase(Locale.ROOT);
            if (!demo.equals("auto") && !demo.equals("off")) {
                throw new StartupException("DEMO", "must be auto or off, not '" + demo + "'");
            }
            return new Demo(auto ? Optional.empty() : Optional.of(s.flag("DEMO_PRODUCER")),
                    s.integer("DETECTIONS_PER_SECOND", 0, 10_000_000), demo.equals("auto"));
        }
    }
}
