package io.intellisite.indexer.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL server (zonky's packaged binaries) run as a child process of this JVM. On a persistent
 * data directory a restart keeps every table.
 */
public final class EmbeddedPostgresDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private final EmbeddedPostgres postgres;
    private final DataDirectory dataDirectory;

    private EmbeddedPostgresDatabase(EmbeddedPostgres postgres, DataDirectory dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL on the directory; port 0 picks a free one. */
    public static EmbeddedPostgresDatabase start(DataDirectory dataDirectory, int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.path().resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setPort(FreePort.orFree(port))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "on")
                    .start();
            return new EmbeddedPostgresDatabase(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** Embedded PostgreSQL trusts loopback connections, so any password is accepted. */
    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        } finally {
            dataDirectory.release();
        }
    }
}
