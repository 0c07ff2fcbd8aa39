package io.intellisite.indexer.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
    private final Jdbi jdbi;

    private PostgresDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /** Connects (failing fast if the database does not answer) and migrates the schema to the latest version. */
    public static PostgresDatabase connectAndMigrate(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("intellisite-db");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return new PostgresDatabase(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
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
        dataSource.close();
    }
}
