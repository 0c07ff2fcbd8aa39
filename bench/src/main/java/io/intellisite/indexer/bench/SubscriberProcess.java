package io.intellisite.indexer.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs {@link SseClients} in a JVM of its own and reads its report: the one harness every SSE figure comes from. */
final class SubscriberProcess implements AutoCloseable {
    /** Deliveries, drops and latency (ms; -1 without a sample) over what arrived after the warm-up. */
    record Result(long delivered, long dropped, long p50, long p99, long max, long samples) {
    }

    private final Process process;
    private final BufferedReader out;

    private SubscriberProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Opens {@code subscribers} streams on {@code path} at {@code port} and returns once all are open. */
    static SubscriberProcess connect(int port, String path, int subscribers, String header) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                SseClients.class.getName(), String.valueOf(port), path, String.valueOf(subscribers)));
        if (header != null) {
            command.add(header);
        }
        SubscriberProcess clients = new SubscriberProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        String line = clients.out.readLine();
        if (!"connected".equals(line)) {
            clients.close();
            throw new IllegalStateException("the subscribers could not connect to port " + port + path + ": " + line);
        }
        return clients;
    }

    /** The figures over events detected from {@code warmUpEnds} (epoch ms) on; the clients then exit. */
    Result report(long warmUpEnds) throws Exception {
        new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8).println("report " + warmUpEnds);
        long[] r = Arrays.stream(out.readLine().split(" ")).skip(1).mapToLong(Long::parseLong).toArray();
        process.waitFor();
        return new Result(r[0], r[1], r[2], r[3], r[4], r[5]);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
