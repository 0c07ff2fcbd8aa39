package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intellisite.indexer.application.testing.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, point 4, without a Docker engine: the image's ENTRYPOINT and CMD, as the Dockerfile states them, start the
 * product from the built jar in a plain process with the image's ENV (a real deployment: DEMO=off), and the image's
 * HEALTHCHECK command says ready while it runs and not ready once it stopped.
 */
class ImageEntryPointTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("bootstrap/target/intellisite-indexer.jar");

    @Test
    void theImagesEntryPointStartsTheProductAndItsHealthCheckFollowsIt(@TempDir Path dir) throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile")).replace("\\\n", " ");
        List<String> entryPoint = execForm(dockerfile, "ENTRYPOINT");
        List<String> healthCheck = execForm(dockerfile, "HEALTHCHECK[^\\n]*?CMD");
        Map<String, String> env = new HashMap<>(imageEnv(dockerfile));
        assertEquals("off", env.get("DEMO"), "the image is no demo");
        env.put("DATA_DIR", dir.resolve("data").toString());
        String run = "image" + System.nanoTime();
        TestInfrastructure.emptyDatabase();
        Map<String, String> settings = TestInfrastructure.productSettings(dir.resolve("data"), run);
        settings.remove("DATA_DIR");
        env.putAll(settings);
        int port = io.intellisite.indexer.embedded.FreePort.pick();
        env.put("HTTP_PORT", String.valueOf(port));

        List<String> command = local(entryPoint);
        command.addAll(execForm(dockerfile, "\\nCMD"));
        Path log = dir.resolve("product.log");
        ProcessBuilder product = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        product.environment().putAll(env);
        Process running = product.start();
        try {
            Eventually.waitFor(() -> health(healthCheck, env) == 0, Duration.ofSeconds(120), log);
        } finally {
            running.destroy();
            assertTrue(running.waitFor(60, TimeUnit.SECONDS), "stopped by SIGTERM, as docker stop sends it");
        }
        assertEquals(1, health(healthCheck, env), "not ready once stopped");
        assertTrue(Files.readString(log).contains("Intellisite Indexer is ready"), Files.readString(log));
    }

    private static int health(List<String> healthCheck, Map<String, String> env) {
        try {
            ProcessBuilder check = new ProcessBuilder(local(healthCheck)).redirectErrorStream(true);
            check.environment().putAll(env);
            Process p = check.start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** The image's command with this machine's java and the jar as built here. */
    private static List<String> local(List<String> imageCommand) {
        List<String> command = new ArrayList<>();
        for (String word : imageCommand) {
            command.add(switch (word) {
                case "java" -> Path.of(System.getProperty("java.home"), "bin", "java").toString();
                case "/app/intellisite-indexer.jar" -> JAR.toString();
                default -> word;
            });
        }
        return command;
    }

    private static List<String> execForm(String dockerfile, String instruction) throws IOException {
        Matcher m = Pattern.compile(instruction + "\\s+(\\[[^\\n]*\\])").matcher(dockerfile);
        assertTrue(m.find(), instruction + " in exec form");
        return new ArrayList<>(List.of(new ObjectMapper().readValue(m.group(1), String[].class)));
    }

    private static Map<String, String> imageEnv(String dockerfile) {
        Map<String, String> env = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^ENV (.*)$").matcher(dockerfile);
        while (line.find()) {
            for (String pair : line.group(1).trim().split("\\s+")) {
                String[] kv = pair.split("=", 2);
                env.put(kv[0], kv[1]);
            }
        }
        return env;
    }
}
