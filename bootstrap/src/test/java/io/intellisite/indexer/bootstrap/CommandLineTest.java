package io.intellisite.indexer.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.bootstrap.config.CommandLine;
import io.intellisite.indexer.bootstrap.config.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The product's and the benchmarks' one reading of the command line, and the entry point's --help and --version. */
class CommandLineTest {
    @Test
    void aCommandFlagsAndSettingsAreReadOnce() {
        CommandLine line = CommandLine.parse(List.of("produce", "--COUNT=10", "--throwaway", "--JWT_KEY=a=b"), "run");
        assertEquals("produce", line.command());
        assertEquals(Map.of("COUNT", "10", "THROWAWAY", "true", "JWT_KEY", "a=b"), line.overrides());
        assertFalse(line.help());
        assertEquals("run", CommandLine.parse(List.of("--HTTP_PORT=9000"), "run").command());
        assertTrue(CommandLine.parse(List.of("-h"), "run").help());
        assertTrue(CommandLine.parse(List.of("run", "--version"), "run").version());
    }

    @Test
    void anUnknownFlagOrASecondCommandIsRefusedWithItsName() {
        assertEquals("--verbose: unknown flag (use --NAME=value, --throwaway, --help or --version)",
                assertThrows(StartupException.class, () -> CommandLine.parse(List.of("--verbose"), "run")).getMessage());
        assertEquals("--=1: unknown flag (use --NAME=value, --throwaway, --help or --version)",
                assertThrows(StartupException.class, () -> CommandLine.parse(List.of("--=1"), "run")).getMessage());
        assertEquals("produce: unknown extra word (use --NAME=value, --throwaway, --help or --version)",
                assertThrows(StartupException.class, () -> CommandLine.parse(List.of("run", "produce"), "run")).getMessage());
    }

    @Test
    void helpListsEverySettingWithItsDefaultAndVersionNamesTheParts() throws Exception {
        String help = runMain("--help");
        assertTrue(help.startsWith("usage: "), help);
        for (String setting : List.of("HTTP_PORT: 8000", "KAFKA_BROKER_URL", "DETECTIONS_PER_SECOND: 5", "JWT_EXPIRE: 30")) {
            assertTrue(help.contains(setting), setting + " in --help");
        }
        String version = runMain("--version");
        assertTrue(version.startsWith("intellisite-indexer ") && version.contains("Kafka clients 4."), version);
    }

    /** Runs the entry point in a JVM of its own, as the jar and the launcher do; fails unless it exits with 0. */
    private static String runMain(String flag) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), flag).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), flag + " returned");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
