package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.kafka.demo.DetectionProducer;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * {@code ./indexer bench abuse}: detections flow at RATE/s; after CALM seconds (the reference), for SECONDS seconds
 * strangers send junk logins, a viewer opens resuming streams it never reads, and others run deep category queries,
 * while the admin logs in from another address. Prints the indexing lag calm and under attack and their ratio, what
 * each attack got, the admin's logins and the heap.
 */
final class AbuseBenchmark {
    private AbuseBenchmark() {
    }

    static void run(Settings settings, String user, String password, int rate, int calmSeconds, int attackSeconds) throws Exception {
        try (IndexerApplication app = IndexerApplication.start(settings);
             PostgresDatabase db = PostgresDatabase.connectAndMigrate(app.infrastructure().jdbcUrl(), app.infrastructure().databaseUser(),
                     app.infrastructure().databasePassword(), 2)) {
            int port = app.httpPort();
            String admin = Benchmarks.login(port);
            AddressedHttp.request(port, "127.0.0.1", "POST", "/users", admin, "application/json", """
                    {"name": "Mallory", "lastname": "M", "email": "mallory@example.com", "username": "mallory", "password": "mallory-password", "role": "viewer"}""");
            String viewer = Benchmarks.json(AddressedHttp.request(port, "127.0.0.1", "POST", "/login", null, "application/x-www-form-urlencoded",
                    "username=mallory&password=mallory-password").body().getBytes(StandardCharsets.UTF_8)).get("access_token").asText();
            AtomicBoolean stop = new AtomicBoolean();
            Thread producer = Thread.ofPlatform().start(() -> {
                try (var p = new DetectionProducer(app.infrastructure().kafka(),
                        ProductSettings.Topics.from(settings).names().detections(), RandomGenerator.getDefault())) {
                    p.produce(-1, rate, stop::get);
                }
            });
            long calmLag = worstLag(db, calmSeconds);
            Map<String, LongAdder> got = new ConcurrentHashMap<>();
            AtomicBoolean attacking = new AtomicBoolean(true);
            List<Thread> attackers = new ArrayList<>();
            List<Socket> unread = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attackers.add(Thread.ofVirtual().start(() -> {
                    while (attacking.get()) {
                        count(got, "junk login", AddressedHttp.request(port, "127.0.0.1", "POST", "/login", null,
                                "application/x-www-form-urlencoded", "username=" + UUID.randomUUID() + "&password=x").status());
                    }
                }));
            }
            for (int i = 0; i < 8; i++) {
                attackers.add(Thread.ofVirtual().start(() -> {
                    while (attacking.get()) {
                        count(got, "deep category query", AddressedHttp.request(port, "127.0.0.1", "GET",
                                "/detections?category=suv&limit=1000&skip=9000", viewer, null, null).status());
                    }
                }));
            }
            attackers.add(Thread.ofVirtual().start(() -> {
                while (attacking.get()) {
                    count(got, "resume from the start, never read", AddressedHttp.openUnread(port, "/alerts?since=0.0.0.0.0.0&access_token=" + viewer, unread));
                    sleep(200);
                }
            }));
            attackers.add(Thread.ofVirtual().start(() -> {
                while (attacking.get()) {
                    count(got, "admin login from another address", AddressedHttp.request(port, "127.0.0.2", "POST", "/login", null,
                            "application/x-www-form-urlencoded", "username=" + user + "&password=" + password).status());
                    sleep(2_000);
                }
            }));
            long[] heap = {0};
            Thread heapWatch = Thread.ofVirtual().start(() -> {
                while (attacking.get()) {
                    heap[0] = Math.max(heap[0], Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
                    sleep(250);
                }
            });
            long attackLag = worstLag(db, attackSeconds);
            attacking.set(false);
            for (Thread t : attackers) {
                t.join(10_000);
            }
            heapWatch.join();
            unread.forEach(AbuseBenchmark::closeQuietly);
            stop.set(true);
            producer.join(15_000);
            System.out.printf("indexing lag at %,d detections/s: calm (reference) worst %,d ms over %d s; under attack worst %,d ms over %d s; ratio %.2f%n",
                    rate, calmLag, calmSeconds, attackLag, attackSeconds, calmLag == 0 ? 0.0 : (double) attackLag / calmLag);
            got.forEach((what, n) -> System.out.println("  " + what + ": " + n));
            System.out.printf("heap (product and attackers, one JVM): at most %,d MiB of %,d MiB%n", heap[0] >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("machine: " + Benchmarks.machine());
        }
    }

    /** The worst, over {@code seconds}, of how far the newest stored detection is behind now: the indexer's lag. */
    private static long worstLag(PostgresDatabase db, int seconds) throws InterruptedException {
        long worst = 0;
        long end = System.currentTimeMillis() + seconds * 1_000L;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(500);
            OffsetDateTime newest = db.jdbi().withHandle(h -> h.createQuery("select max(detected_at) from detections")
                    .mapTo(OffsetDateTime.class).findOne().orElse(null));
            if (newest != null) {
                worst = Math.max(worst, System.currentTimeMillis() - newest.toInstant().toEpochMilli());
            }
        }
        return worst;
    }

    private static void count(Map<String, LongAdder> got, String what, int status) {
        got.computeIfAbsent(what + " -> " + (status < 0 ? "no answer" : String.valueOf(status)), k -> new LongAdder()).increment();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the benchmark is done with it
        }
    }
}
