package io.intellisite.indexer.adapters.persistence;

import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedPostgresDatabase;

/** One real PostgreSQL per test JVM, migrated once; tests empty the tables they use. */
public final class TestDatabase {
    private static PostgresDatabase database;
    private static EmbeddedPostgresDatabase server;

    private TestDatabase() {
    }

    static synchronized PostgresDatabase get() {
        if (database == null) {
            server = EmbeddedPostgresDatabase.start(DataDirectory.throwaway("pg-test"), 0);
            database = PostgresDatabase.connectAndMigrate(server.jdbcUrl(), server.user(), server.password(), 4);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                database.close();
                server.close();
            }));
        }
        return database;
    }

    /** A new, empty database on the same server, for a test that needs a schema of its own. Returns its JDBC URL. */
    static String newDatabase(String name) {
        get().jdbi().useHandle(h -> h.execute("create database " + name));
        return server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + name;
    }

    static String user() {
        return server.user();
    }

    static String password() {
        return server.password();
    }

    static PostgresDatabase empty() {
        PostgresDatabase db = get();
        emptyTables(db);
        return db;
    }

    /** Empties every table the migrations create, on any database of this schema (a new table goes here too). */
    public static void emptyTables(PostgresDatabase db) {
        db.jdbi().useHandle(h -> h.execute("truncate users, credentials, detections, make_counts, detection_counts, detection_topics_adopted,"
                + " alert_rules, alert_rules_seeded restart identity cascade"));
    }
}
