package io.intellisite.indexer.adapters.persistence;

import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedPostgresDatabase;

/** One real PostgreSQL per test JVM, migrated once; tests empty the tables they use. */
final class TestDatabase {
    private static PostgresDatabase database;

    private TestDatabase() {
    }

    static synchronized PostgresDatabase get() {
        if (database == null) {
            EmbeddedPostgresDatabase server = EmbeddedPostgresDatabase.start(DataDirectory.throwaway("pg-test"), 0);
            database = PostgresDatabase.connectAndMigrate(server.jdbcUrl(), server.user(), server.password(), 4);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                database.close();
                server.close();
            }));
        }
        return database;
    }

    static PostgresDatabase empty() {
        PostgresDatabase db = get();
        db.jdbi().useHandle(h -> h.execute("truncate users, credentials, detections, make_counts, alert_rules, alert_rules_seeded restart identity cascade"));
        return db;
    }
}
