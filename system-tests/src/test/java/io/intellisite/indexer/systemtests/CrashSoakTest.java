package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.wire.DeadLetterHeaders;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.adapters.persistence.RollupCheck;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.embedded.FreePort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command run on its embedded defaults (broker and PostgreSQL in the product's JVM), killed with
 * SIGKILL at random instants again and again, as a power cut or the OOM killer would: while a chunk of
 * detections flows through the pipeline (transaction commits included), or while the product is still starting.
 * After every restart a probe detection must come out as an alert within 30 s of ready, and everything sent so
 * far is exact: every detection stored once, the per-make and per-bucket counts equal to a GROUP BY, the alerts and dead letters
 * each once for a read_committed reader. {@code -Dsoak.seed=} repeats a run; a failed run keeps its directory,
 * with each start's log.
 */
class CrashSoakTest {
    private static final int CHUNK = 15_000;
    private static final int POISON_EVERY = 50;
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);
    private static final AlertRule SUV = AlertRule.suspiciousCategory("SUV");
    /**
     * A windowed rule whose alerts do not depend on the order the matches are counted in: every two wagons within a
     * day, whichever two, raise one. An hour of grace, so that no match is late however far apart the partitions run
     * while a restarted instance catches up. So after any kill, exactly half the wagons (rounded down) are alerted.
     */
    private static final String WAGON_PAIRS = """
            {"name": "Wagon pairs", "conditions": {"category": ["Wagon"]}, "window": {"count": 2, "within": "P1D", "grace": "PT1H"}}""";
    private static final AlertRule WAGONS = new AlertRule("wagons", "wagons", true,
            RuleConditions.fromMap(Map.of("category", List.of("Wagon"))));

    @Test
    void threeKillsAtRandomInstantsLoseAndDoubleNothing(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        soak(3, dir);
    }

    @Test
    @Tag("slow")
    void twentyKillsAtRandomInstantsLoseAndDoubleNothing(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        soak(Integer.getInteger("soak.cycles", 20), dir);
    }

    private static void soak(int cycles, Path dir) throws Exception {
        long seed = Long.getLong("soak.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<String, String> settings = settings(dir);
        String broker = "127.0.0.1:" + settings.get("EMBEDDED_KAFKA_PORT");
        int httpPort = Integer.parseInt(settings.get("HTTP_PORT"));
        VehicleCatalog catalog = VehicleCatalog.load(random);
        Totals totals = new Totals();
        Duration worstRecovery = Duration.ZERO;
        int killsDuringStart = 0;
        System.out.printf("crash soak: %d cycles, seed %d (-Dsoak.seed=%d repeats it), in %s%n", cycles, seed, seed, dir);
        for (int cycle = 1; cycle <= cycles + 1; cycle++) {
            boolean last = cycle > cycles;
            Path log = dir.resolve((last ? "final" : "cycle-" + cycle) + ".log");
            ProductProcess product = ProductProcess.start(settings, log);
            // One cycle in four is killed while it starts: the broker recovering its logs, the coordinators loading.
            if (!last && cycle > 1 && random.nextInt(4) == 0) {
                Thread.sleep(1_000 + random.nextInt(9_000));
                product.kill();
                killsDuringStart++;
                System.out.printf("cycle %d: killed while starting%n", cycle);
                continue;
            }
            long ready = awaitReady(httpPort, log);
            if (cycle == 1) {
                addWagonPairs(httpPort, log);
            }
            Duration recovery = probe(broker, "probe-" + cycle + "-" + UUID.randomUUID(), ready, log);
            totals.add(1, 1, 0);
            worstRecovery = recovery.compareTo(worstRecovery) > 0 ? recovery : worstRecovery;
            assertExact(settings, broker, totals, log);
            if (last) {
                product.stop();
                break;
            }
            produceChunk(broker, catalog, totals);
            Thread.sleep(random.nextInt(3_000)); // the chunk is flowing: batches stored, transactions committing
            product.kill();
            System.out.printf("cycle %d: first alert %d ms after ready, all exact; killed%n", cycle, recovery.toMillis());
        }
        assertTrue(worstRecovery.compareTo(RECOVERY_BOUND) <= 0, "worst recovery " + worstRecovery);
        System.out.printf("crash soak: %d cycles (%d killed while starting), worst first alert %d ms after ready; "
                        + "%,d detections stored once, %,d alerts and %,d dead letters exactly once; %,d wagons, %,d pairs alerted%n",
                cycles, killsDuringStart, worstRecovery.toMillis(), totals.valid, totals.alerts, totals.poison, totals.wagons, totals.wagons / 2);
    }

    /** Everything the broker acknowledged so far is stored once, counted, alerted and dead-lettered exactly. */
    private static void assertExact(Map<String, String> settings, String broker, Totals totals, Path log) throws Exception {
        // The embedded PostgreSQL's password, generated at its first start, is kept owner-only beside its data.
        String password = java.nio.file.Files.readString(java.nio.file.Path.of(settings.get("DATA_DIR"), "postgres", "password")).strip();
        try (PostgresDatabase db = PostgresDatabase.connectAndMigrate("jdbc:postgresql://127.0.0.1:" + settings.get("EMBEDDED_POSTGRES_PORT")
                + "/postgres", "postgres", password, 2)) {
            Eventually.waitFor(() -> Stored.detections(db) >= totals.valid,
                    Duration.ofSeconds(120), log);
            assertEquals(totals.valid, Stored.detections(db));
            assertEquals(totals.valid, Stored.count(db, "select count(distinct id) from detections"));
            assertEquals(0, Stored.makeCountsOffTheirGroupBy(db), "per-make counts equal a GROUP BY");
            assertEquals(0, RollupCheck.bucketsOffTheirGroupBy(db.jdbi()), "per-bucket counts equal a GROUP BY date_trunc");
        }
        var deadLetters = Records.readAll(broker, "intellisite.detections.dlq", totals.poison, "read_committed");
        assertEquals(totals.poison, deadLetters.size(), () -> "each dead letter exactly once to a read_committed reader;"
                + " written more than once:\n" + writtenTwice(deadLetters, r -> "detections " + header(r, DeadLetterHeaders.SOURCE_PARTITION)
                + "@" + header(r, DeadLetterHeaders.SOURCE_OFFSET)) + "the broker's transactions:\n" + TransactionReport.of(broker));
        long pairs = totals.wagons / 2;
        var alerts = Records.readAll(broker, "intellisite.alerts", totals.alerts + pairs, "read_committed");
        Set<String> ids = new HashSet<>();
        alerts.forEach(a -> ids.add(Json.parse(a.value()).get("id").asText()));
        assertEquals(totals.alerts + pairs, alerts.size(), () -> "each alert exactly once to a read_committed reader; written more than once:\n"
                + writtenTwice(alerts, r -> Json.parse(r.value()).get("id").asText()) + "the broker's transactions:\n" + TransactionReport.of(broker));
        assertEquals(alerts.size(), ids.size());
        Set<String> paired = new HashSet<>();
        long windows = alerts.stream().map(a -> Json.parse(a.value()).get("window")).filter(w -> w != null)
                .peek(w -> w.get("detections").forEach(id -> paired.add(id.asText()))).count();
        assertEquals(pairs, windows, "one alert per two wagons of " + totals.wagons);
        assertEquals(2 * pairs, paired.size(), "each wagon counted in one window at most");
    }

    /** The windowed rule, in force on the instance before anything else is produced. */
    private static void addWagonPairs(int httpPort, Path log) throws Exception {
        var created = ProductClient.send("POST", httpPort, "/rules", ProductClient.adminToken(httpPort), WAGON_PAIRS);
        assertEquals(201, created.statusCode(), created.body());
        Eventually.waitFor(() -> ProductClient.readiness("http://127.0.0.1:" + httpPort + "/health/ready").body()
                .matches("(?s).*\"rulesInForce\"\\s*:\\s*2\\D.*"), Duration.ofSeconds(30), log);
    }

    /** Records of one source, with where each was written: the same place twice would be the reader's fault, not the product's. */
    private static String writtenTwice(List<ConsumerRecord<byte[], byte[]>> records, Function<ConsumerRecord<byte[], byte[]>, String> source) {
        Map<String, List<String>> bySource = new TreeMap<>();
        records.forEach(r -> bySource.computeIfAbsent(source.apply(r), k -> new ArrayList<>()).add(r.partition() + "@" + r.offset()));
        StringBuilder out = new StringBuilder();
        bySource.forEach((key, written) -> {
            if (written.size() > 1) {
                out.append("  ").append(key).append(" -> ").append(written).append('\n');
            }
        });
        return out.toString();
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> settings(Path dir) {
        Map<String, String> s = new HashMap<>();
        s.put("DATA_DIR", dir.resolve("data").toString());
        s.put("HTTP_PORT", String.valueOf(FreePort.pick()));
        s.put("EMBEDDED_KAFKA_PORT", String.valueOf(FreePort.pick()));
        s.put("EMBEDDED_POSTGRES_PORT", String.valueOf(FreePort.pick()));
        s.put("DEMO_PRODUCER", "false");
        s.put("ADMIN_USERNAME", "admin");
        s.put("ADMIN_PASSWORD", "admin-password");
        return s;
    }

    private static long awaitReady(int port, Path log) throws Exception {
        ProductClient.awaitReady(port, log);
        return System.nanoTime();
    }

    /** Sends one SUV with a unique model and returns how long after {@code readyAt} a read_committed reader sees its alert. */
    private static Duration probe(String broker, String model, long readyAt, Path log) throws Exception {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "isolation.level", "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = alertPartitions(consumer, log);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            try (var producer = producer(broker)) {
                producer.send(new ProducerRecord<>("intellisite.detections", null,
                        DetectionJson.detection(new Detection(2020, "Probe", model, "SUV")))).get();
            }
            long deadline = readyAt + RECOVERY_BOUND.toNanos() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(model)) {
                        return Duration.ofNanos(System.nanoTime() - readyAt);
                    }
                }
            }
        }
        System.out.println("no alert for " + model + "; the broker's transactions:\n" + TransactionReport.of(broker));
        Eventually.waitFor(() -> false, Duration.ZERO, log);
        throw new AssertionError("unreachable");
    }

    /**
     * The alerts topic's partitions, asked again while the answer is empty: the consumer answers an unknown topic with
     * an empty list, not an error, and once in a CI run of the suite it did so at the first cycle's probe, just after
     * the product had created the topic and said it was ready (the probe then failed on a consumer with nothing assigned).
     */
    private static List<TopicPartition> alertPartitions(KafkaConsumer<byte[], byte[]> consumer, Path log) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        Eventually.waitFor(() -> {
            consumer.partitionsFor("intellisite.alerts", Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            return !partitions.isEmpty();
        }, Duration.ofSeconds(30), log);
        return partitions;
    }

    private static void produceChunk(String broker, VehicleCatalog catalog, Totals totals) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (var producer = producer(broker)) {
            for (int i = 0; i < CHUNK; i++) {
                byte[] value;
                if (i % POISON_EVERY == 0) {
                    value = ("not a detection " + i).getBytes(StandardCharsets.UTF_8);
                    totals.add(0, 0, 1);
                } else {
                    Detection d = catalog.next();
                    value = DetectionJson.detection(d);
                    totals.add(1, SUV.matches(d) ? 1 : 0, 0);
                    totals.wagons += WAGONS.matches(d) ? 1 : 0;
                }
                producer.send(new ProducerRecord<>("intellisite.detections", null, value), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String broker) {
        return TestInfrastructure.producer(broker, Map.of("acks", "all", "enable.idempotence", true, "linger.ms", 5));
    }

    /** What the broker acknowledged, so what must come out: stored detections, alerts and dead letters. */
    private static final class Totals {
        long valid;
        long alerts;
        long poison;
        /** Detections the windowed rule counts. */
        long wagons;

        void add(long valid, long alerts, long poison) {
            this.valid += valid;
            this.alerts += alerts;
            this.poison += poison;
        }
    }
}
