package io.intellisite.indexer.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    @Test
    void brokerAcceptsProducedRecordsAndServesThemToAConsumer() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(DataDirectory.throwaway("kafka-it"), 0)) {
            String servers = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
                admin.createTopics(List.of(new NewTopic("it.topic", 3, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", servers),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("it.topic", "k" + i, "v" + i)).get();
                }
            }
            List<String> seen = new ArrayList<>();
            try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", servers,
                    "group.id", "it", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(Set.of("it.topic"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen.size() < 10 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        seen.add(r.value());
                    }
                }
            }
            assertEquals(10, seen.size());
            assertEquals(Set.of("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"), Set.copyOf(seen));
        }
    }

    @Test
    void postgresRunsQueriesAndKeepsDataAcrossRestartOnTheSameDirectory() throws Exception {
        DataDirectory dir = DataDirectory.throwaway("pg-it");
        DataDirectory kept = new DataDirectory(dir.path(), false);
        try (EmbeddedPostgresDatabase db = EmbeddedPostgresDatabase.start(kept, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            c.createStatement().execute("create table t (n int)");
            c.createStatement().execute("insert into t values (41), (1)");
        }
        try (EmbeddedPostgresDatabase db = EmbeddedPostgresDatabase.start(dir, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             ResultSet rs = c.createStatement().executeQuery("select sum(n) from t")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }

    /** Issue 20, point 3: no local user or process gets in without the generated password, kept owner-only. */
    @Test
    void postgresRequiresItsGeneratedPasswordKeptOwnerOnly() throws Exception {
        Path root = Files.createTempDirectory("owner-only-it");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        DataDirectory data = DataDirectory.persistent(root.resolve("data").resolve("postgres"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("data"))), "and its parents it made");
        String password;
        try (EmbeddedPostgresDatabase db = EmbeddedPostgresDatabase.start(data, 0)) {
            password = db.password();
            assertTrue(password.length() >= 40, "generated, not a known word");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.path().resolve("password"))));
            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "postgres").close());
            assertEquals("28P01", refused.getSQLState(), "password authentication failed: " + refused.getMessage());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "").close(), "asked for a password");
            DriverManager.getConnection(db.jdbcUrl(), db.user(), password).close();
        }
        try (EmbeddedPostgresDatabase again = EmbeddedPostgresDatabase.start(data, 0)) {
            assertEquals(password, again.password(), "the same password after a restart");
            DriverManager.getConnection(again.jdbcUrl(), again.user(), password).close();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(again.jdbcUrl(), again.user(), "postgres").close());
        } finally {
            new DataDirectory(root, true).release();
        }
    }
}
