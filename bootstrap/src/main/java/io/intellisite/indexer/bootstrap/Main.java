package io.intellisite.indexer.bootstrap;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run} (the default) starts the product; {@code produce} writes random detections to the detections
 * topic. Flags: {@code --throwaway} keeps no data; {@code --NAME=value} sets any setting.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String command = "run";
        Map<String, String> overrides = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--throwaway")) {
                overrides.put("THROWAWAY", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.startsWith("-")) {
                command = arg;
            } else {
                fail("unknown flag " + arg + " (use --throwaway or --NAME=value)");
            }
        }
        try {
            Settings.requireKnown(overrides.keySet(), command.equals("produce") ? Set.of("COUNT") : Set.of());
            Settings settings = Settings.load(overrides);
            switch (command) {
                case "run" -> run(settings);
                case "produce" -> ProduceCommand.run(settings, overrides.containsKey("COUNT")
                        ? Settings.wholeNumber("COUNT", overrides.get("COUNT"), 1, Long.MAX_VALUE) : -1);
                default -> fail("unknown command " + command + " (use run or produce)");
            }
        } catch (StartupException e) {
            fail(e.getMessage());
        }
    }

    private static void run(Settings settings) {
        IndexerApplication app = IndexerApplication.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("shutting down...");
            app.close();
            stopped.countDown();
        }, "shutdown"));
        Infrastructure infra = app.infrastructure();
        System.out.printf("""
                Intellisite Indexer is ready: %d ms after JVM start
                  HTTP:        http://localhost:%d/  (API docs: /docs, health: /health/ready, metrics: /metrics)
                  Kafka:       %s%s
                  PostgreSQL:  %s (user %s)%s
                Press Ctrl-C to stop.%n""",
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime(), app.httpPort(),
                infra.kafkaBootstrapServers(), infra.embeddedKafka() ? " (embedded)" : "",
                infra.jdbcUrl(), infra.databaseUser(), infra.embeddedDatabase() ? " (embedded)" : "");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
