package io.intellisite.indexer.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscribers of the SSE benchmarks, in their own JVM so that their sockets do not count against the
 * server process's open-file limit, and the same for the product and for the reference (nginx + Nchan):
 * {@code SseClients <port> <path> <subscribers> [<request header>]}. A stream counts as open at its first comment line
 * (both servers send one at once). Prints {@code connected} once every stream is open; on a line
 * {@code report <warm-up end, epoch ms>} on stdin, prints {@code result <delivered> <dropped> <p50> <p99> <max> <samples>}
 * (latencies in ms from the event's {@code detectedAt} to its arrival, sampled on one subscriber in a hundred) and exits.
 */
public final class SseClients {
    private static final AtomicLong DELIVERED = new AtomicLong();
    private static final AtomicInteger CONNECTED = new AtomicInteger();
    private static final AtomicInteger DROPPED = new AtomicInteger();
    private static final ConcurrentLinkedQueue<long[]> SAMPLES = new ConcurrentLinkedQueue<>();
    /** The answers of streams that ended before they opened, from their status line on. */
    private static final ConcurrentLinkedQueue<String> REFUSED = new ConcurrentLinkedQueue<>();

    private SseClients() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String request = "GET " + args[1] + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                + (args.length > 3 ? args[3] + "\r\n" : "") + "\r\n";
        int subscribers = Integer.parseInt(args[2]);
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            sockets.add(socket);
            boolean sample = i % 100 == 0;
            Thread.ofVirtual().start(() -> read(socket, request, sample));
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (CONNECTED.get() < subscribers) {
            if (System.nanoTime() > deadline) {
                System.out.println("failed: " + CONNECTED.get() + " of " + subscribers + " streams open after 120 s"
                        + (REFUSED.isEmpty() ? "" : "; one was answered: " + REFUSED.peek()));
                System.exit(1);
            }
            Thread.sleep(100);
        }
        System.out.println("connected");
        BufferedReader control = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = control.readLine();
        long warmUpEnds = Long.parseLong(line.split(" ")[1]);
        long[] latencies = SAMPLES.stream().filter(s -> s[0] >= warmUpEnds).mapToLong(s -> s[1] - s[0]).sorted().toArray();
        if (latencies.length == 0) {
            latencies = new long[] {-1};
        }
        System.out.printf("result %d %d %d %d %d %d%n", DELIVERED.get(), DROPPED.get(), latencies[latencies.length / 2],
                latencies[(int) (latencies.length * 0.99)], latencies[latencies.length - 1], latencies[0] < 0 ? 0 : latencies.length);
        System.out.flush();
        for (Socket s : sockets) {
            s.close();
        }
        System.exit(0);
    }

    private static void read(Socket socket, String request, boolean sample) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream raw = socket.getInputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 16 * 1024);
            String line;
            boolean counted = false;
            StringBuilder before = new StringBuilder();
            while ((line = in.readLine()) != null) {
                if (!counted && before.length() < 500) {
                    before.append(line).append(" | ");
                }
                if (!counted && line.startsWith(":")) {
                    CONNECTED.incrementAndGet();
                    counted = true;
                } else if (line.startsWith("event: reconnect")) {
                    DROPPED.incrementAndGet();
                } else if (line.startsWith("data: {\"id\"")) {
                    DELIVERED.incrementAndGet();
                    if (sample) {
                        int at = line.indexOf("\"detectedAt\":\"") + 14;
                        long detectedAt = java.time.Instant.parse(line.substring(at, line.indexOf('"', at))).toEpochMilli();
                        SAMPLES.add(new long[] {detectedAt, System.currentTimeMillis()});
                    }
                }
            }
            if (!counted) {
                REFUSED.add(before.toString());
            }
        } catch (Exception closed) {
            // the benchmark is over
        }
    }
}
