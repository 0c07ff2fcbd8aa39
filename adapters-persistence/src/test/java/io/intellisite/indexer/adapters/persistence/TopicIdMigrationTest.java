package io.intellisite.indexer.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.application.contract.Fixtures;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A database written before topic ids were recorded (schema version 3) is migrated with its rows: they keep their
 * ids, are adopted by the topic of their name at the next start, and a record of theirs read again is no new row.
 */
class TopicIdMigrationTest {

    @Test
    void rowsFromBeforeTopicIdsAreKeptAndKnownAsStoredAfterTheUpgrade() {
        String url = TestDatabase.newDatabase("legacy_" + System.nanoTime());
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).locations("classpath:db/migration")
                .target("3").load().migrate();
        UUID legacyId = new SourcePosition("intellisite.detections", SourcePosition.UNRECORDED_TOPIC_ID, 0, 7).detectionId();
        Jdbi.create(url, TestDatabase.user(), TestDatabase.password()).useHandle(h -> h.createUpdate("""
                    insert into detections (id, source_topic, source_partition, source_offset, detected_at, year, make, model,
                                            category, categories, raw)
                    values (:id, 'intellisite.detections', 0, 7, now(), 2011, 'Toyota', 'Land Cruiser', 'SUV', '{suv}', '{}')""")
                    .bind("id", legacyId).execute());
        try (PostgresDatabase db = PostgresDatabase.connectAndMigrate(url, TestDatabase.user(), TestDatabase.password(), 2)) {
            JdbiDetectionRepository detections = new JdbiDetectionRepository(db.jdbi());
            assertEquals(1, detections.adoptUnrecordedRows("intellisite.detections", Fixtures.TOPIC_ID));
            assertEquals(0, detections.store(List.of(Fixtures.detection(0, 7, "Toyota", "SUV"))), "the record read again");
            assertEquals(1, detections.store(List.of(Fixtures.detection(0, 8, "Toyota", "SUV"))));
            assertEquals(legacyId, db.jdbi().withHandle(h -> h.createQuery("select id from detections where source_offset = 7")
                    .mapTo(UUID.class).one()), "the id it was stored with");
        }
    }
}
