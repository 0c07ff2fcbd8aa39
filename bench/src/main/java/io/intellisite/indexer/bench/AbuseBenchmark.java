package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.kafka.demo.DetectionProducer;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            Http.request(port, "127.0.0.1", "POST", "/users", admin, "application/json", """
                    {"name": "Mallory", "lastname": "M", "email": "mallory@example.com", "username": "mallory", "password": "mallory-password", "role": "viewer"}""");
            String viewer = Benchmarks.json(Http.request(port, "127.0.0.1", "POST", "/login", null, "application/x-www-form-urlencoded",
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
                        count(got, "junk login", Http.request(port, "127.0.0.1", "POST", "/login", null,
                                "application/x-www-form-urlencoded", "username=" + UUID.randomUUID() + "&password=x").status());
                    }
                }));
            }
            for (int i = 0; i < 8; i++) {
                attackers.add(Thread.ofVirtual().start(() -> {
                    while (attacking.get()) {
                        count(got, "deep category query", Http.request(port, "127.0.0.1", "GET",
                                "/detections?category=suv&limit=1000&skip=9000", viewer, null, null).status());
                    }
                }));
            }
            attackers.add(Thread.ofVirtual().start(() -> {
                while (attacking.get()) {
                    count(got, "resume from the start, never read", Http.openUnread(port, "/alerts?since=0.0.0.0.0.0&access_token=" + viewer, unread));
                    sleep(200);
                }
            }));
            attackers.add(Thread.ofVirtual().start(() -> {
                while (attacking.get()) {
                    count(got, "admin login from another address", Http.request(port, "127.0.0.2", "POST", "/login", null,
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

    /** HTTP/1.1 by hand: the client's own address can be chosen (the admin's is not the strangers'). */
    private static final class Http {
        record Answer(int status, String body) {
        }

        static Answer request(int port, String from, String method, String path, String token, String type, String body) {
            try (Socket s = connect(port, from)) {
                byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                        + (type == null ? "" : "Content-Type: " + type + "\r\n")
                        + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.flush();
                // Helidon answers "Connection: close" but leaves the socket open a while: read by Content-Length.
                InputStream in = s.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        return new Answer(-1, head.toString());
                    }
                    head.append((char) b);
                }
                String headers = head.toString().toLowerCase(Locale.ROOT);
                int at = headers.indexOf("content-length:");
                int length = at < 0 ? 0 : Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).strip());
                String answer = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                return new Answer(Integer.parseInt(head.substring(9, 12)), answer);
            } catch (IOException | RuntimeException e) {
                return new Answer(-1, e.toString());
            }
        }

        /** Opens a stream, reads its status line only, and keeps the socket open unread; returns the status. */
        static int openUnread(int port, String path, List<Socket> keep) {
            try {
                Socket s = connect(port, "127.0.0.1");
                s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                InputStream in = s.getInputStream();
                byte[] line = in.readNBytes(12);
                int status = Integer.parseInt(new String(line, StandardCharsets.UTF_8).substring(9, 12));
                if (status == 200) {
                    synchronized (keep) {
                        keep.add(s);
                    }
                } else {
                    s.close();
                }
                return status;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        private static Socket connect(int port, String from) throws IOException {
            Socket s = new Socket();
            s.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            return s;
        }
    }
}
