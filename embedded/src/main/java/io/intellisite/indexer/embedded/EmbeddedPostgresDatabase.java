package io.intellisite.indexer.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real PostgreSQL server (zonky's packaged binaries) run as a child process of this JVM. On a persistent
 * data directory a restart keeps every table.
 *
 * <p>zonky stops the server from a shutdown hook of its own. The JVM runs all hooks at once, so on SIGTERM that
 * one stopped PostgreSQL under the product's indexers while the product's hook was still stopping them. Here the
 * hook only stops a server its owner has not closed within {@link #ORDERLY_STOP}: a JVM that ends without
 * closing it (a benchmark stopped with Ctrl-C, say) still leaves no server running.
 */
public final class EmbeddedPostgresDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private static final Duration ORDERLY_STOP = Duration.ofSeconds(30);
    /** The first line of the client authentication file once every connection must give the password. */
    private static final String PASSWORD_REQUIRED = "# intellisite-indexer: every connection gives the password kept beside pgdata";
    private final EmbeddedPostgres postgres;
    private final DataDirectory dataDirectory;
    private final String password;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    private EmbeddedPostgresDatabase(EmbeddedPostgres postgres, DataDirectory dataDirectory, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /** Starts PostgreSQL on the directory; port 0 picks a free one. */
    public static EmbeddedPostgresDatabase start(DataDirectory dataDirectory, int port) {
        Path pgdata = dataDirectory.path().resolve("pgdata");
        stopLeftoverServer(pgdata);
        String password = OwnerOnly.secret(OwnerOnly.directory(dataDirectory.path()).resolve("password"));
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    // zonky checks the server answers by logging in: with the password once it is required.
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "127.0.0.1")
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
                    .setRegisterShutdownHook(false)
                    .start();
            try {
                requirePassword(postgres, pgdata, password);
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            EmbeddedPostgresDatabase db = new EmbeddedPostgresDatabase(postgres, dataDirectory, password);
            Runtime.getRuntime().addShutdownHook(new Thread(db::closeAtExit, "embedded-postgres-at-exit"));
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * zonky's initdb trusts every local connection as the superuser: any local user or process could read and change
     * the data. At the first start (and the first of a data directory made before this), the superuser gets the
     * generated password, then every connection must give it (scram-sha-256), from then on.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path pgdata, String password) throws IOException {
        Path hba = pgdata.resolve("pg_hba.conf");
        if (Files.readString(hba).startsWith(PASSWORD_REQUIRED)) {
            return;
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // Base64url: no quote can end the literal.
            s.execute("alter user " + USER + " password '" + password + "'");
            Files.writeString(hba, PASSWORD_REQUIRED + "\n"
                    + "local all all scram-sha-256\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n");
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot set the embedded PostgreSQL's password: " + e.getMessage(), e);
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

    /** Generated at the first start and kept owner-only beside the server's data; every connection must give it. */
    public String password() {
        return password;
    }

    private void closeAtExit() {
        try {
            if (!closed.await(ORDERLY_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
            }
        } catch (InterruptedException e) {
            close();
        }
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        } finally {
            dataDirectory.release();
            closed.countDown();
        }
    }
}
