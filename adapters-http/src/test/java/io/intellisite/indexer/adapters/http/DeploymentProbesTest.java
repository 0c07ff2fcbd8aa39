package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Issue 20, point 4: the Kubernetes probes ask paths this server answers, and answer 200 while it is healthy. */
class DeploymentProbesTest extends HttpApiContract {
    @Test
    @SuppressWarnings("unchecked")
    void everyProbeOfTheDeploymentIsAPathTheServerAnswers() throws Exception {
        Map<String, Object> deployment;
        try (Reader in = Files.newBufferedReader(Path.of("..", "deploy", "k8s", "deployment.yaml"))) {
            deployment = new Yaml().load(in);
        }
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
                .get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) spec.get("containers")).getFirst();
        TreeSet<String> paths = new TreeSet<>();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            Map<String, Object> httpGet = (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
            paths.add((String) httpGet.get("path"));
        }
        assertEquals(2, paths.size(), "readiness and liveness: " + paths);
        for (String path : paths) {
            assertEquals(200, get(path, null).statusCode(), path);
        }
    }
}
