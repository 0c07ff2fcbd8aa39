package io.intellisite.indexer.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
        Path pgdata = dataDirectory.path().resolve("pgdata");
        stopLeftoverServer(pgdata);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    .setPort(FreePort.orFree(port))
                    .setServerConfig("max_connections", "100")
                    // Sized for bulk indexing (PostgreSQL's defaults are 128MB and 1GB): a million detections
                    // then fit in the buffers, and no checkpoint, with its full-page images, falls inside the run.
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    // zonky's test-oriented defaults turn durability off; the indexer commits Kafka offsets only
                    // after PostgreSQL says a batch is committed, so that must mean on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new EmbeddedPostgresDatabase(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * A server left running by a process that was killed (SIGKILL gives no chance to stop the child) still
     * holds the data directory and the port: it is ours, so stop it (SIGTERM, a clean shutdown) first.
     */
    private static void stopLeftoverServer(Path pgdata) {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false)).ifPresent(p -> {
                p.destroy();
                p.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
            });
        } catch (IOException | RuntimeException unreadable) {
            // a stale or foreign pid file: PostgreSQL itself will judge it at start
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
