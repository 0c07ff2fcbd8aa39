package io.intellisite.indexer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmark commands the figures in BENCHMARKS.md come from, run as {@code ./indexer bench} runs them (a JVM
 * of their own on throwaway embedded infrastructure) at a tiny size: each must finish and print its figures, so
 * one that broke is found here rather than when the next figures are due. The sizes say nothing about speed. One at
 * a time: two at once took longer in CI (162 s against 149 s), each being a whole product starting on two cores.
 */
class BenchmarkCommandsTest {

    @Test
    void ingestPrintsItsRatesAndTheCpuPerDetection() throws Exception {
        assertPrints(List.of("ingest", "--COUNT=5000"),
                "indexed 5[,.]?000 in [\\d.]+ s: [\\d,.]+ detections/s \\(includes the product's start\\)",
                "from the start to the end: [\\d.]+ s of CPU busy on the whole machine .* µs per detection\\), steal");
    }

    @Test
    void windowsPrintsTheReferenceOurFigureAndTheRatio() throws Exception {
        assertPrints(List.of("windows", "--COUNT=3000", "--ROUNDS=1"),
                "preloaded 3,000 detections; the ten windowed rules count them [\\d,]+ times",
                "round 1: no windowed rule \\(reference\\) [\\d,]+ detections/s; ten windowed rules [\\d,]+ detections/s; ratio [\\d.]+",
                "ratio \\(ten windowed rules / none\\), median of 1 rounds: [\\d.]+");
    }

    @Test
    void latencyPrintsItsPercentiles() throws Exception {
        assertPrints(List.of("latency", "--RATE=300", "--SECONDS=3", "--WARMUP=1"),
                "produce -> alert visible to read_committed: [\\d,.]+ alerts at 300 detections/s after a 1 s warm-up: p50 \\d+ ms, p99 \\d+ ms",
                "from the warm-up's end to the last send: [\\d.]+ s of CPU busy",
                "stages, each from the detection's timestamp: detection readable p50 \\d+ ms, p99 \\d+ ms; alert written \\(read_uncommitted\\)"
                        + " p50 \\d+ ms, p99 \\d+ ms; alert at an SSE subscriber p50 -?\\d+ ms");
    }

    @Test
    void httpPrintsTheLatencyOfStatsDeepPagesAndTheTimeSeriesBesideAGroupBy() throws Exception {
        assertPrints(List.of("http", "--ROWS=3000", "--REQUESTS=300", "--WARMUP=200"),
                "GET /stats: p50 [\\d.]+ ms, p99 [\\d.]+ ms, .*\\(300 sequential requests after 200 warm-up; meanwhile JIT compiling [\\d,.]+ ms",
                "GET /detections\\?after=<random depth>&limit=100: p50 [\\d.]+ ms, p99 [\\d.]+ ms, .*collections taking [\\d,.]+ ms\\)",
                "time series by minute over \\d+ stored rows in range: reference GROUP BY date_trunc [\\d.]+ ms, ours \\(GET /stats over HTTP\\) [\\d.]+ ms, ratio [\\d.]+",
                "time series by day over 3,000 stored rows in range: reference .* ratio [\\d.]+");
    }

    @Test
    void ssePrintsDeliveriesAndTheLatencyAfterItsWarmUp() throws Exception {
        assertPrints(List.of("sse", "--SUBSCRIBERS=5", "--RATE=20", "--SECONDS=2", "--WARMUP=1"),
                "5 subscribers x 20 alerts/s for 2 s: delivered [\\d,]+ of 200 events \\([\\d.]+%\\), \\d+ subscribers dropped",
                "detection -> subscriber latency \\(sampled after a 1 s warm-up\\): p50 \\d+ ms, p99 \\d+ ms, .*"
                        + "while sampled, the server's JVM spent JIT compiling [\\d,.]+ ms");
    }

    /** Issue 22: the product and the reference (nginx + Nchan) with the same subscribers, the bound and the ratios. */
    @Test
    void livePrintsTheReferenceTheProductAndTheRatios() throws Exception {
        assertPrints(List.of("live", "--SUBSCRIBERS=5", "--RATE=20", "--SECONDS=2", "--WARMUP=1"),
                "floor, one socket write per delivery \\(one thread, no HTTP, no wake-up; loopback, read by a selector in another JVM\\):"
                        + " 5 sockets x 20/s: [\\d.]+ µs of CPU per write",
                "reference, nginx \\+ Nchan \\(publish -> subscriber\\): 5 subscribers x 20/s for 2 s: p50 \\d+ ms, p99 \\d+ ms, max \\d+ ms"
                        + " \\([\\d,]+ samples\\); delivered [\\d,]+ of 200, \\d+ dropped",
                "  server CPU [\\d.]+ µs per delivered event",
                "product \\(detection -> subscriber\\): 5 subscribers x 20/s for 2 s: p50 \\d+ ms, p99 \\d+ ms, max \\d+ ms",
                "  fan-out CPU -?[\\d.]+ µs per delivered event: the JVM's CPU with 5 subscribers less with one -?[\\d.]+ µs,"
                        + " the streams' own threads \\(virtual-thread carriers and the alert feed\\) -?[\\d.]+ µs; the larger counts",
                "  against the floor: Nchan's worker [\\d.]+ x, the product's fan-out -?[\\d.]+ x; half of Nchan's is [\\d.]+ x the floor",
                "bound: \\(Nchan's p99 \\d+ ms \\+ commit interval \\d+ ms \\+ 20 ms\\) = \\d+ ms; product p99 \\d+ ms: ratio [\\d.]+");
    }

    /** Issue 19's load check, short: the admin gets in from its own address while strangers attack from another. */
    @Test
    void abusePrintsTheLagCalmAndUnderAttackAndWhatEachAttackGot() throws Exception {
        assertPrints(List.of("abuse", "--RATE=200", "--CALM=2", "--SECONDS=3"),
                "indexing lag at 200 detections/s: calm \\(reference\\) worst [\\d,]+ ms over 2 s; under attack worst [\\d,]+ ms over 3 s; ratio [\\d.]+",
                "  admin login from another address -> 200: \\d+",
                "  junk login -> 429: \\d+",
                "heap \\(product and attackers, one JVM\\): at most [\\d,]+ MiB");
    }

    private static void assertPrints(List<String> args, String... lines) throws Exception {
        // The class path ./indexer bench uses. Not the test's own: there the product's jar is the reactor's, whose
        // manifest adds bootstrap/target/libs to it, and embedded PostgreSQL refuses to start on two copies of its binaries.
        String classPath = Path.of("target", "classes") + File.pathSeparator + Path.of("target", "libs") + File.separator + "*";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath, Benchmarks.class.getName()));
        command.addAll(args);
        Path log = Files.createTempFile("bench", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                String waits = whereItWaits(p.pid());
                p.destroyForcibly();
                throw new AssertionError("bench " + args + " still running after 180 s:\n" + tail(Files.readString(log))
                        + "\nwhere it waits:\n" + waits);
            }
            assertOutput(args, p.exitValue(), Files.readString(log), lines);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void assertOutput(List<String> args, int exitCode, String output, String... lines) {
        assertEquals(0, exitCode, "bench " + args + " failed:\n" + tail(output));
        for (String line : lines) {
            assertTrue(Pattern.compile("(?m)^" + line).matcher(output).find(), "no line like /" + line + "/ in:\n" + tail(output));
        }
    }

    /**
     * Where a benchmark that does not end is waiting: the JVM's own deadlock report when it has one (a hang in CI was a
     * lock-order deadlock whose other thread the main thread's stack alone could not name), else the main thread.
     */
    private static String whereItWaits(long pid) {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(), String.valueOf(pid))
                    .redirectErrorStream(true).start();
            String dump = new String(jstack.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jstack.waitFor(30, TimeUnit.SECONDS);
            int deadlock = dump.indexOf("Found one Java-level deadlock");
            if (deadlock >= 0) {
                return dump.substring(deadlock, Math.min(dump.length(), deadlock + 12_000));
            }
            int start = dump.indexOf("\"main\"");
            return start < 0 ? tail(dump) : dump.substring(start, Math.min(dump.length(), dump.indexOf("\n\n", start) < 0 ? dump.length() : dump.indexOf("\n\n", start)));
        } catch (IOException | InterruptedException e) {
            return "no thread dump: " + e;
        }
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 4_000));
    }
}
