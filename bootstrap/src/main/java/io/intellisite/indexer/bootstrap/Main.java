package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.bootstrap.config.CommandLine;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import io.intellisite.indexer.bootstrap.logging.LogFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * {@code run} (the default) starts the product; {@code produce} writes random detections to the detections
 * topic. Flags: {@code --throwaway} keeps no data; {@code --NAME=value} sets any setting; {@code --help} lists the
 * commands and every setting with its default; {@code --version} says which build this is.
 */
public final class Main {
    /** Within the 45 s EmbeddedShutdownTest allows; the pipeline alone may take 30 s to commit and leave its group. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(40);
    private static final String USAGE = """
            usage: java -jar intellisite-indexer.jar [run|produce|health] [--throwaway] [--NAME=value ...] [--help] [--version]
              run        start the product (embedded Kafka and PostgreSQL unless KAFKA_BROKER_URL / DATABASE_URL are set)
              produce    write random detections to the detections topic (--COUNT=n, else until stopped)
              health     exit 0 if the instance on this host (HTTP_PORT) is ready, 1 if not: the image's health check
            Every setting below is read from the environment variable of its name, a -D system property, or
            --NAME=value, which wins; the defaults are shown. Kafka client properties go under KAFKA_ for every
            client (KAFKA_SECURITY_PROTOCOL=SASL_SSL sets security.protocol), KAFKA_STREAMS_ for the pipeline and
            KAFKA_INDEXER_ for the indexer (KAFKA_STREAMS_NUM_STANDBY_REPLICAS=1 sets num.standby.replicas).
            """;

    private Main() {
    }

    public static void main(String[] args) {
        try {
            CommandLine line = CommandLine.parse(List.of(args), "run");
            if (line.help()) {
                System.out.print(USAGE + Settings.defaultsText());
                return;
            }
            if (line.version()) {
                System.out.println(version());
                return;
            }
            Map<String, String> overrides = line.overrides();
            LogFormat.apply(overrides);
            Settings.requireKnown(overrides.keySet(), line.command().equals("produce") ? Set.of("COUNT") : Set.of());
            Settings settings = Settings.load(overrides);
            switch (line.command()) {
                case "run" -> run(settings);
                case "produce" -> ProduceCommand.run(settings, overrides.containsKey("COUNT")
                        ? Settings.wholeNumber("COUNT", overrides.get("COUNT"), 1, Long.MAX_VALUE) : -1);
                case "health" -> System.exit(HealthCommand.run(settings));
                default -> fail("unknown command " + line.command() + " (use run, produce or health; --help lists them)");
            }
        } catch (StartupException e) {
            fail(e.getMessage());
        }
    }

    /** The build's version from the jar's manifest, and the versions of the parts that matter to an operator. */
    static String version() {
        String own = Main.class.getPackage().getImplementationVersion();
        return "intellisite-indexer " + (own == null ? "(not from a built jar)" : own) + ", Kafka clients "
                + AppInfoParser.getVersion() + ", Java " + Runtime.version();
    }

    private static void run(Settings settings) {
        IndexerApplication app = IndexerApplication.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("shutting down...");
            long start = System.nanoTime();
            Thread closing = Thread.ofPlatform().name("closing").start(app::close);
            try {
                if (!closing.join(STOP_LIMIT)) {
                    haltStuck(closing);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.err.printf("stopped in %,d ms%n", (System.nanoTime() - start) / 1_000_000);
            stopped.countDown();
        }, "shutdown"));
        // A part that stopped for good (the pipeline's rules thread, which Kafka Streams cannot replace; an indexer or
        // the alert feed on a fatal consumer error) would leave the instance up, not ready for ever, its liveness
        // holding: exit, and let the supervisor start it again. On its own thread: the part's thread is still in it.
        app.failure().thenAccept(what -> Thread.ofPlatform().name("stopped-for-good").start(() -> {
            System.err.println("error: " + what + "; exiting with status 1 so that the supervisor starts the instance"
                    + " again: a new start carries on where it stopped");
            System.exit(1);
        }));
        Infrastructure infra = app.infrastructure();
        System.out.printf("""
                Intellisite Indexer is ready: %d ms after JVM start
                  HTTP:        %s://localhost:%d/  (API docs: /docs, health: /health/ready, metrics: /metrics)
                  Kafka:       %s%s
                  PostgreSQL:  %s (user %s)%s
                Press Ctrl-C to stop.%n""",
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime(),
                ProductSettings.Http.from(settings).tls().isPresent() ? "https" : "http", app.httpPort(),
                infra.kafkaBootstrapServers(), infra.embeddedKafka() ? " (embedded)" : "",
                infra.jdbcUrl(), infra.databaseUser(), infra.embeddedDatabase() ? " (embedded)" : "");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A stop that hangs (a client waiting on a broker that went first, say) would otherwise hang until the supervisor's
     * SIGKILL, saying nothing. Stopping at any instant loses nothing (every write is committed or replayed), so halting
     * is safe; where it hung is printed first.
     */
    private static void haltStuck(Thread closing) {
        System.err.println("shutdown: still closing after " + STOP_LIMIT.toSeconds() + " s; halting (nothing is lost: the next start"
                + " carries on). The step that hangs:");
        for (StackTraceElement frame : closing.getStackTrace()) {
            System.err.println("\tat " + frame);
        }
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
