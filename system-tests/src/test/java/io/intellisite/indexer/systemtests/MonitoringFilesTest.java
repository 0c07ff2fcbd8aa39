package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, point 1: every metric the Grafana dashboard and the Prometheus alert rules query is one a running instance
 * serves on /metrics, so no panel stays empty and no alert silently never fires.
 */
class MonitoringFilesTest {
    private static final Path MONITORING = Path.of("..", "deploy", "monitoring");
    private static final Pattern METRIC = Pattern.compile("\\b(?:intellisite|hikaricp|http_server|jvm|process|kafka|system)_[a-z0-9_]+");

    @Test
    void everyMetricTheDashboardAndTheAlertRulesQueryIsServed(@TempDir Path dir) throws Exception {
        Set<String> queried = new TreeSet<>();
        for (String file : new String[] {"grafana-dashboard.json", "prometheus-rules.yaml"}) {
            Matcher m = METRIC.matcher(Files.readString(MONITORING.resolve(file)));
            while (m.find()) {
                queried.add(m.group());
            }
        }
        assertTrue(queried.size() >= 15, "the files query the product's metrics: " + queried);
        String run = "monitoring" + System.nanoTime();
        TestInfrastructure.emptyDatabase();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(TestInfrastructure.productSettings(dir, run)))) {
            ProductClient.adminToken(app.httpPort());
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            Set<String> served = metrics.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
            Set<String> missing = new TreeSet<>(queried);
            missing.removeAll(served);
            assertEquals(Set.of(), missing, "queried but not served");
            assertTrue(metrics.body().contains("intellisite_logins_total{result=\"success\"} 1.0")
                    || metrics.body().matches("(?s).*intellisite_logins_total\\{[^}]*result=\"success\"[^}]*} 1(\\.0)?\\n.*"),
                    "the admin's login counted");
        }
    }
}
