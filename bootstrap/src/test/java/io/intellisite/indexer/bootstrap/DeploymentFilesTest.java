package io.intellisite.indexer.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the deployment files are checked by reading them: the compose file parses,
 * and every variable given to the product's services is one the product reads (a key of application.yaml).
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeFileParsesAndGivesTheProductOnlySettingsItReads() {
        Config compose = Config.just(ConfigSources.file(ROOT.resolve("docker-compose.yml")));
        Config defaults = Config.just(ConfigSources.classpath("application.yaml"));
        Set<String> known = new HashSet<>();
        defaults.asNodeList().get().forEach(node -> known.add(node.name()));
        List<String> productServices = List.of("indexer", "producer");
        Set<String> services = new HashSet<>();
        compose.get("services").asNodeList().get().forEach(s -> services.add(s.name()));
        assertEquals(Set.of("kafka", "postgres", "indexer", "producer"), services);
        for (String service : productServices) {
            Config env = compose.get("services").get(service).get("environment");
            assertTrue(env.exists(), service + " has an environment");
            env.asNodeList().get().forEach(variable ->
                    assertTrue(known.contains(variable.name()), service + " sets " + variable.name() + ", which the product does not read"));
        }
        assertEquals("kafka:9092", compose.get("services.indexer.environment.KAFKA_BROKER_URL").asString().get());
    }

    @Test
    void dockerfileBuildsInOneStageAndRunsAsANonRootUserInAnother() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        assertEquals(2, lines.stream().filter(l -> l.startsWith("FROM ")).count());
        assertTrue(lines.stream().anyMatch(l -> l.matches("USER (indexer|10001)")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("--from=build")));
        // The image is a real deployment even on the embedded parts: no admin/admin, no random token key.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENV ") && l.contains("DEMO=off")), "the image sets DEMO=off");
    }

    /**
     * What goes into the product's jar and image: the benchmarks live in the bench module and the system tests in
     * system-tests, both depending on this one.
     */
    @Test
    void theProductsClassesHoldNoBenchmarkOrTestCode() throws Exception {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("io/intellisite/indexer/bootstrap")), "run from the bootstrap module");
        try (var files = Files.walk(classes)) {
            List<String> bench = files.map(classes::relativize).map(Path::toString)
                    .filter(f -> f.contains("bench") || f.contains("Benchmark") || f.contains("systemtests") || f.endsWith("Test.class")).toList();
            assertEquals(List.of(), bench);
        }
    }
}
