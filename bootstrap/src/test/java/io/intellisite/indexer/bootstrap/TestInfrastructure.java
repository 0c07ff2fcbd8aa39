package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import io.intellisite.indexer.embedded.EmbeddedPostgresDatabase;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use: the embedded ones (no
 * Docker engine here). Tests isolate themselves with fresh topics, groups and truncated tables.
 */
final class TestInfrastructure {
    private static EmbeddedPostgresDatabase postgres;
    private static EmbeddedKafkaBroker kafka;
    private static PostgresDatabase database;

    private TestInfrastructure() {
    }

    static synchronized EmbeddedPostgresDatabase postgres() {
        if (postgres == null) {
            System.out.println("test infrastructure: embedded PostgreSQL (no Docker engine is used)");
            postgres = EmbeddedPostgresDatabase.start(DataDirectory.throwaway("pg-bootstrap-test"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        return postgres;
    }

    static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            System.out.println("test infrastructure: embedded KRaft Kafka broker (no Docker engine is used)");
            kafka = EmbeddedKafkaBroker.start(DataDirectory.throwaway("kafka-bootstrap-test"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    /** The migrated database with every table emptied. */
    static synchronized PostgresDatabase emptyDatabase() {
        if (database == null) {
            database = PostgresDatabase.connectAndMigrate(postgres().jdbcUrl(), postgres().user(), postgres().password(), 8);
        }
        database.jdbi().useHandle(h -> h.execute("truncate users, credentials, detections, make_counts restart identity cascade"));
        return database;
    }
}
