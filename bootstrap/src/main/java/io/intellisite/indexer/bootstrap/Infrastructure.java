package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import io.intellisite.indexer.embedded.EmbeddedPostgresDatabase;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The broker and the database the product runs on: the ones named by {@code KAFKA_BROKER_URL} and
 * {@code DATABASE_URL}, or real embedded ones started here (both at once, to shorten the cold start).
 */
public final class Infrastructure implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private KafkaCluster kafka;
    private String jdbcUrl;
    private String databaseUser;
    private String databasePassword;
    private boolean embeddedKafka;
    private boolean embeddedDatabase;

    public static Infrastructure start(ProductSettings settings) {
        Infrastructure infra = new Infrastructure();
        boolean throwaway = settings.storage().throwaway();
        Path dataDir = settings.storage().dataDir();
        if (!throwaway) {
            DataDirectory.persistent(dataDir); // owner-only: the embedded parts' data and the database's password
        }
        CompletableFuture<EmbeddedPostgresDatabase> postgres = settings.database().url().isPresent()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> startPostgres(settings.database().embeddedPort(), dataDir, throwaway));
        CompletableFuture<EmbeddedKafkaBroker> kafka = settings.kafka().brokerUrl().isPresent()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> startKafka(settings.kafka().embeddedPort(), dataDir, throwaway));
        try {
            infra.useDatabase(settings.database(), join(postgres));
            infra.useKafka(settings.kafka(), join(kafka));
            return infra;
        } catch (RuntimeException e) {
            infra.closeQuietly(kafka);
            infra.closeQuietly(postgres);
            infra.close();
            throw e;
        }
    }

    private static EmbeddedPostgresDatabase startPostgres(int port, Path dataDir, boolean throwaway) {
        DataDirectory dir = throwaway ? DataDirectory.throwaway("intellisite-pg") : DataDirectory.persistent(dataDir.resolve("postgres"));
        try {
            return EmbeddedPostgresDatabase.start(dir, port);
        } catch (RuntimeException e) {
            dir.release();
            throw new StartupException("EMBEDDED_POSTGRES_PORT", "embedded PostgreSQL did not start on port " + port
                    + " (in use, or another instance holds " + dir.path() + "): " + rootMessage(e));
        }
    }

    private static EmbeddedKafkaBroker startKafka(int port, Path dataDir, boolean throwaway) {
        DataDirectory dir = throwaway ? DataDirectory.throwaway("intellisite-kafka") : DataDirectory.persistent(dataDir.resolve("kafka"));
        try {
            return EmbeddedKafkaBroker.start(dir, port);
        } catch (RuntimeException e) {
            dir.release();
            throw new StartupException("EMBEDDED_KAFKA_PORT", "embedded Kafka did not start on port " + port
                    + " (in use, or another instance holds " + dir.path() + "): " + rootMessage(e));
        }
    }

    private void useDatabase(ProductSettings.Database settings, EmbeddedPostgresDatabase embedded) {
        if (embedded == null) {
            jdbcUrl = settings.url().orElseThrow();
            databaseUser = settings.user();
            databasePassword = settings.password();
        } else {
            started.push(embedded);
            embeddedDatabase = true;
            jdbcUrl = embedded.jdbcUrl();
            databaseUser = embedded.user();
            databasePassword = embedded.password();
        }
    }

    private void useKafka(ProductSettings.Kafka settings, EmbeddedKafkaBroker embedded) {
        if (embedded == null) {
            kafka = settings.clusterOrLocalEmbedded();
        } else {
            started.push(embedded);
            embeddedKafka = true;
            kafka = KafkaCluster.at(embedded.bootstrapServers());
        }
    }

    /** The broker every Kafka client of the product reaches, with the client settings they share. */
    public KafkaCluster kafka() {
        return kafka;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String databaseUser() {
        return databaseUser;
    }

    public String databasePassword() {
        return databasePassword;
    }

    /** Both parts embedded: the self-contained demo, where relaxed defaults (admin/admin, a random key) apply. */
    public boolean isDemo() {
        return embeddedKafka && embeddedDatabase;
    }

    public boolean embeddedKafka() {
        return embeddedKafka;
    }

    public boolean embeddedDatabase() {
        return embeddedDatabase;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void closeQuietly(CompletableFuture<? extends AutoCloseable> future) {
        try {
            AutoCloseable c = future.getNow(null);
            if (c != null && !started.contains(c)) {
                c.close();
            }
        } catch (Exception ignored) {
            // already failing: the first error is the one to report
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("warning: shutdown of an embedded part failed: " + rootMessage(e));
            }
        }
    }
}
