package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.embedded.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command run on its embedded defaults, stopped with SIGTERM (Ctrl-C, {@code docker stop}) while its
 * indexers are busy: everything that uses the embedded PostgreSQL stops before it does.
 */
class EmbeddedShutdownTest {

    @Test
    void sigtermStopsTheIndexersBeforeTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
        int httpPort = FreePort.pick();
        Path log = dir.resolve("product.log");
        try (ProductProcess product = ProductProcess.start(Map.of("DATA_DIR", dir.resolve("data").toString(),
                "HTTP_PORT", String.valueOf(httpPort), "EMBEDDED_KAFKA_PORT", "0", "EMBEDDED_POSTGRES_PORT", "0",
                "DEMO_PRODUCER", "true", "DETECTIONS_PER_SECOND", "2000"), log)) {
            ProductClient.awaitReady(httpPort, log);
            Thread.sleep(3_000); // the demo producer's detections are being indexed
            Duration stopped = product.stop();
            String output = Files.readString(log);
            assertFalse(output.contains("terminating connection due to administrator command"),
                    "PostgreSQL was stopped under a connection still in use:\n" + tail(output));
            assertFalse(output.contains("indexing failed"), "an indexer was still writing when the database went:\n" + tail(output));
            assertTrue(output.contains("shutting down..."), tail(output));
            assertFalse(output.contains("halting"), "a step of the stop hung:\n" + tail(output));
            assertTrue(stopped.compareTo(Duration.ofSeconds(45)) < 0, "stopped in " + stopped);
        }
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 4_000));
    }
}
