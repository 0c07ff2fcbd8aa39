package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.bootstrap.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The product started as its own JVM with the product's {@code run} command, so a test can kill -9 it. */
final class ProductProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ProductProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ProductProcess start(Map<String, String> settings, Path log) {
        return start(settings, log, List.of());
    }

    /** With JVM options beside the heap size (those the image and ./indexer give, say). */
    static ProductProcess start(Map<String, String> settings, Path log, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        // -Dproduct.jvm.args="-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info" on the test run, say, to read more of what it did.
        String extra = System.getProperty("product.jvm.args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run"));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ProductProcess(p, log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the process to end by itself and returns its exit status, or fails after {@code patience}. */
    int awaitExit(Duration patience) throws InterruptedException, IOException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + patience.toSeconds() + " s:\n" + Files.readString(log));
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, no commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C or {@code docker stop} sends it; waits for the exit and returns how long it took, or fails. */
    Duration stop() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            String threads = threadDump();
            process.destroyForcibly();
            throw new AssertionError("still running 60 s after SIGTERM; its threads then (also in " + log + "):\n" + threads);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * What every thread of the product was doing, from {@code jcmd Thread.print}, appended to its log: without it a
     * stop that hangs once in a CI run leaves nothing to find the cause in.
     */
    private String threadDump() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            Files.writeString(log, "\n--- thread dump by the test, the stop hanging ---\n" + threads, StandardOpenOption.APPEND);
            return threads;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
