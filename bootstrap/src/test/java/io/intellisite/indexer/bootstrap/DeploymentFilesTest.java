package io.intellisite.indexer.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.AppInfoParser;
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
        assertEquals("apache/kafka:" + AppInfoParser.getVersion(), compose.get("services.kafka.image").asString().get(),
                "the broker runs the Kafka of the product's clients");
        assertEquals(true, compose.get("services.indexer.read_only").asBoolean().get());
        assertTrue(compose.get("services.indexer.healthcheck.test").asList(String.class).get().contains("health"));
        assertEquals("service_healthy", compose.get("services.producer.depends_on.indexer.condition").asString().get());
    }

    /** Issue 20, point 4: what the manifests pass is read by the product, and they run it as operators expect. */
    @Test
    void kubernetesManifestsPassOnlySettingsTheProductReadsAndProbeItsHealth() throws Exception {
        Path k8s = ROOT.resolve("deploy/k8s");
        Config configMap = Config.just(ConfigSources.file(k8s.resolve("configmap.yaml")));
        Config secret = Config.just(ConfigSources.file(k8s.resolve("secret.example.yaml")));
        Config deployment = Config.just(ConfigSources.file(k8s.resolve("deployment.yaml")));
        Config service = Config.just(ConfigSources.file(k8s.resolve("service.yaml")));
        Config budget = Config.just(ConfigSources.file(k8s.resolve("pdb.yaml")));
        List<String> names = new ArrayList<>();
        configMap.get("data").asNodeList().get().forEach(n -> names.add(n.name()));
        secret.get("stringData").asNodeList().get().forEach(n -> names.add(n.name()));
        Settings.requireKnown(names, Set.of()); // a setting the product does not read fails here, naming it
        assertEquals("off", configMap.get("data.DEMO").asString().get(), "never the demo");
        Settings settings = Settings.load(configMap.get("data").detach().asMap().get());
        assertTrue(ProductSettings.Http.from(settings).tls().isPresent(), "HTTPS on");

        Config pod = deployment.get("spec.template.spec");
        Config container = pod.get("containers.0");
        assertEquals(2, deployment.get("spec.replicas").asInt().get());
        assertEquals(false, pod.get("enableServiceLinks").asBoolean().get(), "no KAFKA_PORT and the like from a service named kafka");
        assertEquals(true, pod.get("securityContext.runAsNonRoot").asBoolean().get());
        assertEquals(true, container.get("securityContext.readOnlyRootFilesystem").asBoolean().get());
        assertTrue(container.get("resources.limits.memory").exists() && container.get("resources.requests.cpu").exists());
        // A fixed heap (initial = the image's maximum) only where the memory is guaranteed.
        assertEquals(container.get("resources.limits.memory").asString().get(), container.get("resources.requests.memory").asString().get());
        assertEquals("JAVA_TOOL_OPTIONS", container.get("env.0.name").asString().get());
        assertEquals("-XX:InitialRAMPercentage=" + imageMaxRamPercentage(), container.get("env.0.value").asString().get());
        assertEquals(configMap.get("data.HTTP_PORT").asInt().get(), container.get("ports.0.containerPort").asInt().get());
        for (String probe : List.of("startupProbe", "readinessProbe")) {
            assertEquals("/health/ready", container.get(probe + ".httpGet.path").asString().get(), probe);
        }
        assertEquals("/health/live", container.get("livenessProbe.httpGet.path").asString().get());
        assertEquals("HTTPS", container.get("livenessProbe.httpGet.scheme").asString().get());
        List<String> mounts = new ArrayList<>();
        container.get("volumeMounts").asNodeList().get().forEach(m -> mounts.add(m.get("mountPath").asString().get()));
        assertTrue(mounts.containsAll(List.of("/tmp", "/app/data")), "the only places it writes, with the root read-only");
        assertTrue(configMap.get("data.HTTP_TLS_CERT").asString().get().startsWith("/etc/intellisite/tls/"));
        assertEquals(container.get("ports.0.name").asString().get(), service.get("spec.ports.0.targetPort").asString().get());
        assertEquals(1, budget.get("spec.minAvailable").asInt().get());
        assertEquals(deployment.get("spec.selector.matchLabels").detach().asMap().get(),
                budget.get("spec.selector.matchLabels").detach().asMap().get());
    }

    @Test
    void dockerfileBuildsInOneStageAndRunsAsANonRootUserInAnother() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        assertEquals(2, lines.stream().filter(l -> l.startsWith("FROM ")).count());
        assertTrue(lines.stream().anyMatch(l -> l.matches("USER (indexer|10001)(:(indexer|10001))?")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("--from=build")));
        // The image is a real deployment even on the embedded parts: no admin/admin, no random token key.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENV ") && l.contains("DEMO=off")), "the image sets DEMO=off");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("HEALTHCHECK ")), "a health check");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"-jar\", \"/app/intellisite-indexer.jar\", \"health\"]")),
                "the health check asks the product itself");
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

    /** The heap share of the container's memory the image's entry point gives the product. */
    private static String imageMaxRamPercentage() throws Exception {
        Matcher m = Pattern.compile("\"-XX:MaxRAMPercentage=(\\d+)\"").matcher(Files.readString(ROOT.resolve("Dockerfile")));
        assertTrue(m.find(), "the image's entry point sets MaxRAMPercentage");
        return m.group(1);
    }
}
