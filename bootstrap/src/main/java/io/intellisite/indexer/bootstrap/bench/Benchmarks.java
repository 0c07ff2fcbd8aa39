package io.intellisite.indexer.bootstrap.bench;

import io.intellisite.indexer.bootstrap.Settings;
import io.intellisite.indexer.bootstrap.StartupException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./indexer bench ingest [--COUNT=1000000]}, {@code latency [--RATE=5000] [--SECONDS=30]},
 * {@code security}, {@code http [--ROWS=1000000]} and {@code sse [--SUBSCRIBERS=10000] [--RATE=500]
 * [--SECONDS=20]}: each starts what it needs (throwaway embedded
 * infrastructure), runs, and prints its figures.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 && !args[0].startsWith("--") ? args[0] : "ingest";
        Map<String, String> overrides = new HashMap<>(Map.of("THROWAWAY", "true", "HTTP_PORT", "0",
                "EMBEDDED_KAFKA_PORT", "0", "EMBEDDED_POSTGRES_PORT", "0", "DEMO_PRODUCER", "false"));
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        Settings settings = Settings.load(overrides);
        try {
            switch (which) {
                case "ingest" -> IngestBenchmark.run(settings, Long.parseLong(overrides.getOrDefault("COUNT", "1000000")));
                case "latency" -> LatencyBenchmark.run(settings, Integer.parseInt(overrides.getOrDefault("RATE", "5000")),
                        Integer.parseInt(overrides.getOrDefault("SECONDS", "30")));
                case "security" -> SecurityBenchmark.run(settings.integer("PASSWORD_ITERATIONS", 1, 100_000_000));
                case "sse" -> SseFanOutBenchmark.run(Integer.parseInt(overrides.getOrDefault("SUBSCRIBERS", "10000")),
                        Integer.parseInt(overrides.getOrDefault("RATE", "500")), Integer.parseInt(overrides.getOrDefault("SECONDS", "20")));
                case "http" -> HttpBenchmark.run(Long.parseLong(overrides.getOrDefault("ROWS", "1000000")));
                default -> throw new IllegalArgumentException("unknown benchmark " + which + " (ingest, latency, security, http or sse)");
            }
        } catch (StartupException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MiB max heap, " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", Java " + System.getProperty("java.version");
    }
}
