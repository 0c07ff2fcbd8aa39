package io.intellisite.indexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intellisite.indexer.bootstrap.config.CommandLine;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./indexer bench ingest [--COUNT=1000000]}, {@code abuse [--RATE=1000] [--CALM=15] [--SECONDS=60]}, {@code latency [--RATE=5000] [--SECONDS=100] [--WARMUP=40]},
 * {@code security}, {@code http [--ROWS=1000000] [--REQUESTS=5000] [--WARMUP=20000]} and {@code sse [--SUBSCRIBERS=10000] [--RATE=500]
 * [--SECONDS=70] [--WARMUP=40]}, {@code live [--SUBSCRIBERS=1000] [--RATE=100] [--SECONDS=60] [--WARMUP=20]} (the product beside
 * nginx + Nchan), {@code rules [--CHANGES=30] [--RATE=1000]} and {@code windows [--COUNT=300000] [--ROUNDS=3]} (the
 * topology with ten windowed rules against none): each starts what it needs (throwaway embedded
 * infrastructure), runs, and prints its figures. The latency and SSE runs sample only after their warm-up (in seconds,
 * counted in SECONDS): C2 compiles the broker, Streams and client code for the first half-minute or more, and the
 * figures are meant for the service running, not for its first seconds.
 */
public final class Benchmarks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password";
    private static final Map<String, Set<String>> OWN_FLAGS = Map.of("ingest", Set.of("COUNT"),
            "latency", Set.of("RATE", "SECONDS", "WARMUP"), "sse", Set.of("SUBSCRIBERS", "RATE", "SECONDS", "WARMUP"),
            "live", Set.of("SUBSCRIBERS", "RATE", "SECONDS", "WARMUP"),
            "rules", Set.of("CHANGES", "RATE"), "http", Set.of("ROWS", "REQUESTS", "WARMUP"),
            "abuse", Set.of("RATE", "CALM", "SECONDS"), "windows", Set.of("COUNT", "ROUNDS"));

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        // Before anything logs. Under its own name: a second logback.xml beside the product's made logback warn at every start.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-bench.xml");
        }
        try {
            CommandLine line = CommandLine.parse(List.of(args), "ingest");
            String which = line.command();
            // A throwaway product on free ports; any --NAME=value flag overrides these (tuning included).
            Map<String, String> overrides = new HashMap<>(Map.of("THROWAWAY", "true", "HTTP_PORT", "0",
                    "EMBEDDED_KAFKA_PORT", "0", "EMBEDDED_POSTGRES_PORT", "0", "DEMO_PRODUCER", "false",
                    "JWT_KEY", "benchmark-key-benchmark-key-benchmark-key"));
            overrides.putAll(line.overrides());
            Settings settings = Settings.load(overrides);
            // Only the benchmarks that call the API get a user: creating one costs a KDF run at start-up.
            Map<String, String> withUser = new HashMap<>(Map.of("ADMIN_USERNAME", USER, "ADMIN_PASSWORD", PASSWORD));
            withUser.putAll(overrides);
            Settings.requireKnown(overrides.keySet(), OWN_FLAGS.getOrDefault(which, Set.of()));
            switch (which) {
                // The ingest run names the embedded parts it started, so it is no demo: it needs its first admin.
                case "ingest" -> IngestBenchmark.run(withUser, number(overrides, "COUNT", 1_000_000));
                case "latency" -> LatencyBenchmark.run(Settings.load(withUser), (int) number(overrides, "RATE", 5_000),
                        (int) number(overrides, "SECONDS", 100), (int) number(overrides, "WARMUP", 40));
                case "security" -> SecurityBenchmark.run(ProductSettings.from(settings).accounts().passwordIterations());
                case "sse" -> {
                    int subscribers = (int) number(overrides, "SUBSCRIBERS", 10_000);
                    SseFanOutBenchmark.run(Settings.load(streamsFor(withUser, subscribers)), subscribers, (int) number(overrides, "RATE", 500),
                            (int) number(overrides, "SECONDS", 70), (int) number(overrides, "WARMUP", 40));
                }
                case "live" -> {
                    int subscribers = (int) number(overrides, "SUBSCRIBERS", 1_000);
                    LiveLatencyBenchmark.run(Settings.load(streamsFor(withUser, subscribers)), subscribers,
                            (int) number(overrides, "RATE", 100), (int) number(overrides, "SECONDS", 60), (int) number(overrides, "WARMUP", 20));
                }
                case "rules" -> RulesBenchmark.run(Settings.load(withUser), (int) number(overrides, "CHANGES", 30),
                        (int) number(overrides, "RATE", 1_000));
                case "http" -> HttpBenchmark.run(Settings.load(withUser), number(overrides, "ROWS", 1_000_000),
                        (int) number(overrides, "REQUESTS", 5_000), (int) number(overrides, "WARMUP", 20_000));
                case "abuse" -> AbuseBenchmark.run(Settings.load(withUser), USER, PASSWORD, (int) number(overrides, "RATE", 1_000),
                        (int) number(overrides, "CALM", 15), (int) number(overrides, "SECONDS", 60));
                case "windows" -> WindowsBenchmark.run(ProductSettings.Kafka.from(settings), number(overrides, "COUNT", 300_000),
                        (int) number(overrides, "ROUNDS", 3));
                default -> throw new StartupException("benchmark", "unknown: " + which + " (ingest, latency, security, http, sse, live, rules,"
                        + " abuse or windows)");
            }
        } catch (StartupException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    /** Every subscriber is the one benchmark user: let it hold them all, unless told otherwise. */
    private static Map<String, String> streamsFor(Map<String, String> settings, int subscribers) {
        settings.putIfAbsent("SSE_MAX_STREAMS_PER_USER", String.valueOf(subscribers + 10));
        settings.putIfAbsent("SSE_MAX_SUBSCRIBERS", String.valueOf(Math.max(20_000, subscribers + 10)));
        return settings;
    }

    // Counts, rates and durations: at least 1 (and a warm-up at least 0), and small enough to be an int.
    private static long number(Map<String, String> overrides, String name, long defaultValue) {
        return Settings.wholeNumber(name, overrides.getOrDefault(name, Long.toString(defaultValue)),
                name.equals("WARMUP") ? 0 : 1, Integer.MAX_VALUE);
    }

    /** Logs the benchmark user in on the product at {@code port}; returns the bearer token. */
    static String login(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json(r.body().getBytes(StandardCharsets.UTF_8)).get("access_token").asText();
    }

    /** An HTTP answer or a published record as a client reads it: plain Jackson, not the product's wire classes. */
    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MiB max heap, " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", Java " + System.getProperty("java.version");
    }
}
