package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The embedded broker alone in its own JVM, on a data directory it keeps, so that a test can kill -9 it and start it again. */
final class BrokerProcess implements AutoCloseable {
    private static final String READY = "broker ready";
    private final Process process;

    private BrokerProcess(Process process) {
        this.process = process;
    }

    /** Starts it and returns once it answers on {@code port}; its output goes to {@code log}. */
    static BrokerProcess start(Path dataDir, int port, Path log) throws IOException {
        return start(dataDir, port, log, false);
    }

    /** The same; {@code haltAtFirstMarker}: its JVM ends as the first transaction marker is about to be written ({@link HaltAtFirstMarker}). */
    static BrokerProcess start(Path dataDir, int port, Path log, boolean haltAtFirstMarker) throws IOException {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(), dataDir.toString(), String.valueOf(port),
                String.valueOf(haltAtFirstMarker)))
                .redirectErrorStream(true).start();
        try (var out = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.write(line + "\n");
                if (line.equals(READY)) {
                    Thread.ofVirtual().start(() -> drain(lines)); // keeps its pipe from filling
                    return new BrokerProcess(p);
                }
            }
        }
        throw new IllegalStateException("the broker ended before it was ready; see " + log);
    }

    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // read, not kept
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    /** Waits for it to end by itself (as {@link HaltAtFirstMarker} ends it); false if it is still running after 30 s. */
    boolean awaitEnd() throws InterruptedException {
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGKILL, as a power cut would: no flush, no controlled shutdown. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> overrides = Boolean.parseBoolean(args[2])
                ? Map.of("authorizer.class.name", HaltAtFirstMarker.class.getName()) : Map.of();
        EmbeddedKafkaBroker.start(DataDirectory.persistent(Path.of(args[0])), Integer.parseInt(args[1]), overrides);
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
