package io.intellisite.indexer.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The connection pool, the migrations and the JDBI handle factory for one PostgreSQL database. */
public final class PostgresDatabase implements AutoCloseable {
    private static final Executor PROBES = Executors.newVirtualThreadPerTaskExecutor();
    private final HikariDataSource dataSource;
    private final HikariDataSource readSource;
    private final Jdbi jdbi;
    private final Jdbi reads;

    /**
     * The pool API reads get, apart from the one the indexer writes with, so that slow or many reads cannot take the
     * connections indexing needs: {@code size} connections, each statement stopped after {@code statementTimeout},
     * and a read that finds none free within {@code connectionWait} gives up (the API answers 503).
     */
    public record ReadPool(int size, Duration statementTimeout, Duration connectionWait) {
        public static final ReadPool DEFAULT = new ReadPool(4, Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    private PostgresDatabase(HikariDataSource dataSource, HikariDataSource readSource) {
        this.dataSource = dataSource;
        this.readSource = readSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        this.reads = Jdbi.create(readSource).installPlugin(new PostgresPlugin());
    }

    /** Connects (failing fast if the database does not answer) and migrates the schema to the latest version. */
    public static PostgresDatabase connectAndMigrate(String jdbcUrl, String user, String password, int poolSize) {
        return connectAndMigrate(jdbcUrl, user, password, poolSize, ReadPool.DEFAULT);
    }

    public static PostgresDatabase connectAndMigrate(String jdbcUrl, String user, String password, int poolSize, ReadPool readPool) {
        HikariDataSource dataSource = new HikariDataSource(config(jdbcUrl, user, password, "intellisite-db", poolSize, Duration.ofSeconds(5)));
        HikariDataSource readSource = null;
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            HikariConfig read = config(jdbcUrl, user, password, "intellisite-db-reads", readPool.size(), readPool.connectionWait());
            read.setConnectionInitSql("set statement_timeout = " + readPool.statementTimeout().toMillis());
            read.setReadOnly(true);
            readSource = new HikariDataSource(read);
            return new PostgresDatabase(dataSource, readSource);
        } catch (RuntimeException e) {
            dataSource.close();
            if (readSource != null) {
                readSource.close();
            }
            throw e;
        }
    }

    private static HikariConfig config(String jdbcUrl, String user, String password, String name, int size, Duration wait) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        config.setConnectionTimeout(Math.max(250, wait.toMillis()));
        config.setInitializationFailTimeout(10_000);
        return config;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Both pools' figures (connections active, idle, pending, timeouts, acquire time), tagged with the pool's name,
     * as meters of {@code registry}; once per database.
     */
    public void bindMeters(MeterRegistry registry) {
        MicrometerMetricsTrackerFactory factory = new MicrometerMetricsTrackerFactory(registry);
        dataSource.setMetricsTrackerFactory(factory);
        readSource.setMetricsTrackerFactory(factory);
    }

    /** For the API's reads: their own pool, statement time limit and wait (see {@link ReadPool}). */
    public Jdbi reads() {
        return reads;
    }

    /**
     * True when the database answers within a second. Bounded here, since a pool waiting for a connection to
     * a database that is down would hold a health probe for the pool's whole connection timeout.
     */
    public boolean isReachable() {
        return CompletableFuture.supplyAsync(this::answers, PROBES).completeOnTimeout(false, 1, TimeUnit.SECONDS).join();
    }

    private boolean answers() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        readSource.close();
        dataSource.close();
    }
}
