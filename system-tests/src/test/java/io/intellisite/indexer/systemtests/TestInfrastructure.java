package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.adapters.persistence.TestDatabase;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import io.intellisite.indexer.embedded.EmbeddedPostgresDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use: Testcontainers when a
 * Docker engine answers, else the embedded ones; the test log says which. Tests isolate themselves with fresh
 * topics, groups and truncated tables.
 */
final class TestInfrastructure {
    private static final boolean DOCKER = dockerAvailable();
    private static String kafkaBootstrapServers;
    private static String[] postgres;
    private static PostgresDatabase database;

    private TestInfrastructure() {
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * A producer of test records to the shared broker, with one request in flight. With more, Kafka 4.3's
     * idempotent producer can retry the first batch it sends to a partition forever: if that batch fails with a
     * retriable error while a later one is written, the broker, holding no state that starts at sequence 0,
     * answers OutOfOrderSequence to every retry until the records expire (KAFKA-14359). It happened here once:
     * PipelineIntegrationTest's producer lost 217 records to it after 120 s.
     */
    static KafkaProducer<byte[], byte[]> producer(Map<String, Object> settings) {
        return producer(kafkaBootstrapServers(), settings);
    }

    /** The same, to a broker of the test's own. */
    static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        all.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(all, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static KafkaProducer<byte[], byte[]> producer() {
        return producer(Map.of());
    }

    static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            if (DOCKER) {
                System.out.println("test infrastructure: Kafka in a container (Testcontainers, Docker engine found)");
                KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
                kafka.start();
                kafkaBootstrapServers = kafka.getBootstrapServers();
            } else {
                System.out.println("test infrastructure: embedded KRaft Kafka broker (no Docker engine found)");
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(DataDirectory.throwaway("kafka-bootstrap-test"), 0);
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
                kafkaBootstrapServers = kafka.bootstrapServers();
            }
        }
        return kafkaBootstrapServers;
    }

    /** JDBC URL, user and password of the test PostgreSQL. */
    static synchronized String[] postgres() {
        if (postgres == null) {
            if (DOCKER) {
                System.out.println("test infrastructure: PostgreSQL in a container (Testcontainers, Docker engine found)");
                PostgreSQLContainer pg = new PostgreSQLContainer("postgres:17-alpine");
                pg.start();
                postgres = new String[] {pg.getJdbcUrl(), pg.getUsername(), pg.getPassword()};
            } else {
                System.out.println("test infrastructure: embedded PostgreSQL (no Docker engine found)");
                EmbeddedPostgresDatabase pg = EmbeddedPostgresDatabase.start(DataDirectory.throwaway("pg-bootstrap-test"), 0);
                Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
                postgres = new String[] {pg.jdbcUrl(), pg.user(), pg.password()};
            }
        }
        return postgres;
    }

    static String postgresUrl() {
        return postgres()[0];
    }

    static String postgresUser() {
        return postgres()[1];
    }

    static String postgresPassword() {
        return postgres()[2];
    }

    /**
     * Settings for a product instance on the test infrastructure: its own topics, application id and data
     * directory (named after {@code run}), any free HTTP port, no demo producer, admin/admin-password.
     */
    static Map<String, String> productSettings(Path dataDir, String run) {
        Map<String, String> s = new HashMap<>();
        s.put("KAFKA_BROKER_URL", kafkaBootstrapServers());
        s.put("DATABASE_URL", postgresUrl());
        s.put("DATABASE_USER", postgresUser());
        s.put("DATABASE_PASSWORD", postgresPassword());
        s.put("HTTP_PORT", "0");
        s.put("DATA_DIR", dataDir.toString());
        s.put("DEMO_PRODUCER", "false");
        s.put("JWT_KEY", "a-test-signing-key-that-is-long-enough");
        s.put("ADMIN_USERNAME", "admin");
        s.put("ADMIN_PASSWORD", "admin-password");
        s.put("APPLICATION_ID", run);
        s.put("DETECTIONS_TOPIC", run + ".detections");
        s.put("ALERTS_TOPIC", run + ".alerts");
        s.put("DLQ_TOPIC", run + ".dlq");
        s.put("RULES_TOPIC", run + ".rules");
        return s;
    }

    /** The migrated database as it is; a suite that already emptied it for this test adds a repository with it. */
    static synchronized PostgresDatabase database() {
        if (database == null) {
            database = PostgresDatabase.connectAndMigrate(postgresUrl(), postgresUser(), postgresPassword(), 8);
        }
        return database;
    }

    /** The migrated database with every table emptied. */
    static synchronized PostgresDatabase emptyDatabase() {
        TestDatabase.emptyTables(database());
        return database;
    }
}
