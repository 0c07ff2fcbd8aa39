package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.http.detections.DetectionsHttpService;
import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.JdbiDetectionRepository;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Loads N detections straight into PostgreSQL through the repository (their times spread over {@link #SPAN}), then
 * times single GET /stats and GET /detections requests (cursor pages of 100 at random depths) over HTTP with a valid
 * token, and the time series beside a GROUP BY over the rows ({@link TimeSeriesBenchmark}).
 */
final class HttpBenchmark {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final java.time.Duration SPAN = java.time.Duration.ofDays(30);
    private static final UUID BENCH_TOPIC_ID = UUID.nameUUIDFromBytes("bench.detections".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private HttpBenchmark() {
    }

    static void run(Settings settings, long rows, int requests, int warmup) throws Exception {
        try (IndexerApplication app = IndexerApplication.start(settings);
             PostgresDatabase db = PostgresDatabase.connectAndMigrate(app.infrastructure().jdbcUrl(),
                     app.infrastructure().databaseUser(), app.infrastructure().databasePassword(), 2)) {
            long t0 = System.nanoTime();
            load(new JdbiDetectionRepository(db.jdbi()), rows);
            db.jdbi().useHandle(h -> h.execute("vacuum analyze detections"));
            System.out.printf("loaded %,d detections in %.0f s%n", rows, (System.nanoTime() - t0) / 1e9);

            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.httpPort();
            String token = Benchmarks.login(app.httpPort());
            Random random = new Random(1);
            time("GET /stats", client, token, requests, warmup, () -> base + "/stats");
            time("GET /detections?after=<random depth>&limit=100", client, token, requests, warmup,
                    () -> base + "/detections?limit=100&after=" + DetectionsHttpService.encode(random.nextLong(rows)));
            TimeSeriesBenchmark.run(client, base, token, db, START, at(rows - 1, rows), Math.min(requests, 50));
            System.out.println("machine: " + Benchmarks.machine());
        }
    }

    private static void load(JdbiDetectionRepository repository, long rows) {
        VehicleCatalog catalog = VehicleCatalog.load(new Random(3));
        List<IndexedDetection> batch = new ArrayList<>(10_000);
        for (long i = 0; i < rows; i++) {
            Detection d = catalog.next();
            batch.add(IndexedDetection.at(new SourcePosition("bench.detections", BENCH_TOPIC_ID, (int) (i % 6), i / 6), at(i, rows), d,
                    new String(DetectionJson.detection(d))));
            if (batch.size() == 10_000 || i == rows - 1) {
                repository.store(batch);
                batch.clear();
            }
        }
    }

    private static Instant at(long i, long rows) {
        return START.plusMillis(i * (SPAN.toMillis() / rows));
    }

    // The JIT and the collector share the JVM with the server: what they did while it was timed is printed along.
    private static void time(String what, HttpClient client, String token, int requests, int warmup,
                             Supplier<String> url) throws Exception {
        for (int i = 0; i < warmup; i++) {
            get(client, token, url.get());
        }
        JvmActivity before = JvmActivity.now();
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            String u = url.get();
            long t0 = System.nanoTime();
            get(client, token, u);
            nanos[i] = System.nanoTime() - t0;
        }
        JvmActivity during = JvmActivity.now().since(before);
        Arrays.sort(nanos);
        System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d sequential requests after %,d warm-up; "
                        + "meanwhile %s)%n", what, nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.99)] / 1e6,
                nanos[requests - 1] / 1e6, requests, warmup, during);
    }

    /** One GET with the token; anything but 200 ends the benchmark with what was answered. */
    static void get(HttpClient client, String token, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
