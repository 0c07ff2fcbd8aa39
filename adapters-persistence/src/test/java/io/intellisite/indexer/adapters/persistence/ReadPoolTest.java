package io.intellisite.indexer.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.intellisite.indexer.application.contract.Fixtures;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.model.PageRequest;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.user.Username;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, point 8: the API's reads have a pool, a wait and a time limit of their own; indexing goes on past them; a
 * store that cannot answer reads as busy.
 */
class ReadPoolTest {
    private static PostgresDatabase database(PostgresDatabase.ReadPool reads) {
        return PostgresDatabase.connectAndMigrate(TestDatabase.newDatabase("reads_" + System.nanoTime()), TestDatabase.user(),
                TestDatabase.password(), 2, reads);
    }

    @Test
    void readsThatFindTheirPoolTakenGiveUpWhileIndexingGoesOn() {
        try (PostgresDatabase db = database(new PostgresDatabase.ReadPool(1, Duration.ofSeconds(5), Duration.ofMillis(300)));
             Handle heldByASlowRead = db.reads().open()) {
            heldByASlowRead.createQuery("select 1").mapTo(Integer.class).one();
            JdbiDetectionRepository detections = JdbiDetectionRepository.on(db);
            long start = System.nanoTime();
            assertThrows(StoreBusyException.class, detections::countsByMake);
            assertThrows(StoreBusyException.class, () -> detections.find(DetectionQuery.firstPage(10)));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "each gave up after its wait");
            assertEquals(1, detections.store(List.of(Fixtures.detection(0, 1, "Toyota", "SUV"))), "the indexer's pool is free");
        }
    }

    @Test
    void aReadRunningPastItsLimitIsStopped() {
        try (PostgresDatabase db = database(new PostgresDatabase.ReadPool(2, Duration.ofMillis(200), Duration.ofSeconds(1)))) {
            assertEquals("200ms", db.reads().withHandle(h -> h.createQuery("show statement_timeout").mapTo(String.class).one()));
            var e = assertThrows(JdbiException.class, () -> db.reads().useHandle(h -> h.execute("select pg_sleep(2)")));
            assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
            assertEquals("0", db.jdbi().withHandle(h -> h.createQuery("show statement_timeout").mapTo(String.class).one()),
                    "the indexer's statements have no such limit");
            assertTrue(JdbiDetectionRepository.on(db).find(DetectionQuery.firstPage(10)).items().isEmpty(), "a quick read goes through");
        }
    }

    /** An outage reads as "come back later" to the account checks every authenticated request makes. */
    @Test
    void accountReadsOfAStoreThatIsDownGiveUpAsBusy() throws Exception {
        HikariConfig config = new HikariConfig();
        try (ServerSocket nothingThere = new ServerSocket(0)) {
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + nothingThere.getLocalPort() + "/none");
        }
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource down = new HikariDataSource(config)) {
            JdbiUserRepository users = new JdbiUserRepository(Jdbi.create(down));
            assertThrows(StoreBusyException.class, () -> users.status(new Username("admin")));
            assertThrows(StoreBusyException.class, () -> users.findByUsername(new Username("admin")));
        }
    }
    /** Issue 19, point 8: every filter of /detections is served by an index; the category filter by its GIN index. */
    @Test
    void aRareCategoryIsFoundThroughItsIndexNotByWalkingEveryRow() {
        try (PostgresDatabase db = database(PostgresDatabase.ReadPool.DEFAULT)) {
            JdbiDetectionRepository detections = JdbiDetectionRepository.on(db);
            for (int batch = 0; batch < 20; batch++) {
                List<IndexedDetection> rows = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    rows.add(Fixtures.detection(0, batch * 1_000L + i, "Toyota", "Sedan"));
                }
                detections.store(rows);
            }
            detections.store(List.of(Fixtures.detection(1, 0, "Rolls", "Limousine, Classic")));
            db.jdbi().useHandle(h -> h.execute("analyze detections"));
            String plan = db.jdbi().withHandle(h -> String.join("\n", h.createQuery("explain select seq from detections"
                    + " where seq > 0 and categories @> array[cast('limousine' as text)] order by seq limit 101 offset 0")
                    .mapTo(String.class).list()));
            assertTrue(plan.contains("detections_by_category"), plan);
            DetectionQuery rare = new DetectionQuery(new PageRequest(0, 10), Optional.empty(), Optional.empty(),
                    Optional.of("limousine"), Optional.empty(), Optional.empty());
            assertEquals(1, detections.find(rare).items().size());
        }
    }
}
