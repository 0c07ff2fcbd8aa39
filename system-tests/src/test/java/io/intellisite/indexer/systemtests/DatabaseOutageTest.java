package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedPostgresDatabase;
import io.intellisite.indexer.embedded.FreePort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away mid-stream (5 s, and 30 s tagged slow: run with {@code -Pslow}): the indexer
 * pauses and says so on /health/ready, retries with back-off, and when the database is back it resumes by
 * itself with nothing lost or doubled.
 */
class DatabaseOutageTest {

    @Test
    void theIndexerPausesWhileTheDatabaseIsDownAndResumesWithNothingLostOrDoubled(@TempDir Path dir) throws Exception {
        outage(Duration.ofSeconds(5), dir);
    }

    @Test
    @Tag("slow")
    void theSameWithTheDatabaseDownForThirtySeconds(@TempDir Path dir) throws Exception {
        outage(Duration.ofSeconds(30), dir);
    }

    private static void outage(Duration down, Path dir) throws Exception {
        int pgPort = FreePort.pick();
        DataDirectory pgDir = new DataDirectory(dir.resolve("pg"), false);
        EmbeddedPostgresDatabase postgres = EmbeddedPostgresDatabase.start(pgDir, pgPort);
        String run = "outage" + System.nanoTime();
        Map<String, String> settings = TestInfrastructure.productSettings(dir.resolve("data"), run);
        settings.put("DATABASE_URL", postgres.jdbcUrl());
        settings.put("DATABASE_USER", postgres.user());
        settings.put("DATABASE_PASSWORD", postgres.password());
        VehicleCatalog catalog = VehicleCatalog.load(new Random(5));
        try (IndexerApplication app = IndexerApplication.start(Settings.load(settings));
             PostgresDatabase check = PostgresDatabase.connectAndMigrate(postgres.jdbcUrl(), postgres.user(), postgres.password(), 2)) {
            String ready = "http://127.0.0.1:" + app.httpPort() + "/health/ready";
            produce(run + ".detections", catalog, 1_000);
            Eventually.waitFor(() -> count(check) == 1_000, Duration.ofSeconds(30));

            postgres.close();
            long downSince = System.nanoTime();
            produce(run + ".detections", catalog, 1_000);
            Eventually.waitFor(() -> ProductClient.readiness(ready).status() == 503, Duration.ofSeconds(30));
            Thread.sleep(Math.max(0, down.toMillis() - Duration.ofNanos(System.nanoTime() - downSince).toMillis()));
            assertEquals(503, ProductClient.readiness(ready).status(), "still not ready while the database is down");

            postgres = EmbeddedPostgresDatabase.start(pgDir, pgPort);
            Eventually.waitFor(() -> count(check) == 2_000, Duration.ofSeconds(60));
            try {
                // Readiness stayed down here twice, most likely because an indexer thread had ended on a stray
                // interrupt in its back-off (fixed, see DetectionIndexerTest); the dump below shows them if not.
                Eventually.waitFor(() -> ProductClient.readiness(ready).status() == 200, Duration.ofSeconds(90));
            } catch (AssertionError stillNotReady) {
                throw new AssertionError("not ready again after the outage: " + ProductClient.readiness(ready).body()
                        + "\nindexer threads:" + indexerThreads(), stillNotReady);
            }
            assertEquals(2_000, Stored.count(check, "select count(distinct (source_partition, source_offset)) from detections"));
            assertEquals(0, Stored.makeCountsOffTheirGroupBy(check));
        } finally {
            postgres.close();
        }
    }

    /** The product runs in this JVM: where its indexer threads are, if a failure needs it. */
    private static String indexerThreads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains("indexer")) {
                dump.append("\n").append(thread).append(' ').append(thread.getState());
                for (StackTraceElement frame : stack) {
                    dump.append("\n  at ").append(frame);
                }
            }
        });
        return dump.isEmpty() ? " none alive" : dump.toString();
    }

    private static long count(PostgresDatabase db) {
        try {
            return Stored.detections(db);
        } catch (RuntimeException databaseDown) {
            return -1;
        }
    }

    private static void produce(String topic, VehicleCatalog catalog, int count) {
        try (var producer = TestInfrastructure.producer()) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(catalog.next())));
            }
        }
    }
}
