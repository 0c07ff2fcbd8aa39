package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.demo.DetectionProducer;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * While detections flow at {@code rate}/s, adds a rule over HTTP {@code changes} times and measures how long
 * the change takes to answer, and how long until the first alert listing the new rule is visible to a
 * read_committed reader of the alerts topic (what every SSE subscriber is fed from).
 */
final class RulesBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RulesBenchmark() {
    }

    static void run(Settings settings, int changes, int rate) throws Exception {
        try (IndexerApplication app = IndexerApplication.start(settings)) {
            String broker = app.infrastructure().kafkaBootstrapServers();
            String token = Benchmarks.login(app.httpPort());
            long[] answered = new long[changes];
            long[] effective = new long[changes];
            AtomicBoolean stop = new AtomicBoolean();
            Thread producer = Thread.ofPlatform().start(() -> {
                try (var p = new DetectionProducer(KafkaCluster.at(broker), ProductSettings.Topics.from(settings).names().detections(), RandomGenerator.getDefault())) {
                    p.produce(Long.MAX_VALUE, rate, stop::get);
                }
            });
            try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "group.id", "rules-" + UUID.randomUUID(),
                    "isolation.level", "read_committed", "auto.offset.reset", "latest", "fetch.max.wait.ms", 5),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(Set.of(ProductSettings.Topics.from(settings).names().alerts()));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                for (int i = 0; i < changes; i++) {
                    long start = System.nanoTime();
                    // Any category: every detection matches, so the first alert after the change shows it.
                    String id = send("POST", app.httpPort(), "/rules", token, "{\"name\": \"bench " + i
                            + "\", \"conditions\": {\"year\": {\"from\": 1886}}}");
                    answered[i] = System.nanoTime() - start;
                    effective[i] = awaitAlertListing(consumer, id) - start;
                    send("DELETE", app.httpPort(), "/rules/" + id, token, null);
                    consumer.poll(Duration.ofMillis(300)); // skip what the deleted rule still raised
                }
            } finally {
                stop.set(true);
                producer.join();
            }
            System.out.println("effective ms in order: " + Arrays.toString(Arrays.stream(effective).map(n -> n / 1_000_000).toArray()));
            Arrays.sort(answered);
            Arrays.sort(effective);
            System.out.printf("rule change over HTTP (%d changes, %,d detections/s flowing): answered p50 %d ms, p99 %d ms;"
                    + " first alert listing the new rule visible p50 %d ms, p99 %d ms, max %d ms%n", changes, rate,
                    ms(answered, 50), ms(answered, 99), ms(effective, 50), ms(effective, 99), ms(effective, 100));
            System.out.println("machine: " + Benchmarks.machine());
        }
    }

    private static long awaitAlertListing(KafkaConsumer<byte[], byte[]> consumer, String ruleId) {
        while (true) {
            for (var r : consumer.poll(Duration.ofMillis(20))) {
                for (var listed : Benchmarks.json(r.value()).get("rules")) {
                    if (listed.asText().equals(ruleId)) {
                        return System.nanoTime();
                    }
                }
            }
        }
    }

    private static String send(String method, int port, String path, String token, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? "" : Benchmarks.json(r.body().getBytes()).get("id").asText();
    }

    private static long ms(long[] sortedNanos, int p) {
        int i = Math.min(sortedNanos.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1));
        return Duration.ofNanos(sortedNanos[i]).toMillis();
    }
}
