package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intellisite.indexer.adapters.http.SseTestClient;
import io.intellisite.indexer.embedded.FreePort;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 on one running instance (an instance's start is the cost here); the topics' contract is checked by
 * {@link TopicContractCheck}. Every metric the Grafana
 * dashboard and the Prometheus alert rules query is served on /metrics, so no panel stays empty and no alert silently
 * never fires. With LOG_FORMAT=json every line the process writes (the product's, Kafka's, Helidon's, the start
 * banner) is one JSON object with time, level, logger and message; a request's lines carry its id, a record's its
 * topic-partition-offset; no secret, password
 * or token appears, though a login failed with a password and a stream was opened with a token in its query.
 */
class OperabilityTest {
    private static final String WRONG_PASSWORD = "Wr0ng-but-secret-passw0rd";
    private static final Path MONITORING = Path.of("..", "deploy", "monitoring");
    private static final Pattern METRIC = Pattern.compile("\\b(?:intellisite|hikaricp|http_server|jvm|process|kafka|system)_[a-z0-9_]+");

    private static void assertMonitoringFilesQueryServedMetrics(int port, String token) throws Exception {
        Set<String> queried = new TreeSet<>();
        for (String file : new String[] {"grafana-dashboard.json", "prometheus-rules.yaml"}) {
            Matcher m = METRIC.matcher(Files.readString(MONITORING.resolve(file)));
            while (m.find()) {
                queried.add(m.group());
            }
        }
        assertTrue(queried.size() >= 15, "the files query the product's metrics: " + queried);
        HttpResponse<String> metrics = ProductClient.send("GET", port, "/metrics", token, null);
        assertEquals(200, metrics.statusCode());
        Set<String> served = metrics.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(served);
        assertEquals(Set.of(), missing, "queried by the dashboard or the alert rules, not served");
        assertTrue(metrics.body().matches("(?s).*\\nintellisite_logins_total\\{[^}]*result=\"failure\"[^}]*} 1(\\.0)?\\n.*"),
                "the failed login counted");
    }

    private static void awaitLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.readString(log).contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no line with: " + text);
            Thread.sleep(100);
        }
    }

    @Test
    void everyLineIsAJsonObjectAndNoSecretIsLogged(@TempDir Path dir) throws Exception {
        String run = "jsonlogs" + System.nanoTime();
        TestInfrastructure.emptyDatabase();
        Map<String, String> settings = new HashMap<>(TestInfrastructure.productSettings(dir, run));
        int port = FreePort.pick();
        settings.put("HTTP_PORT", String.valueOf(port));
        settings.put("LOG_FORMAT", "json");
        Path log = dir.resolve("product.log");
        String token;
        org.apache.kafka.clients.producer.RecordMetadata unreadableRule;
        // The JVM prints its own warnings (sun.misc.Unsafe, native access) to the file descriptor, past any logger; the
        // image and ./indexer give the options that answer them, and so does this run.
        try (ProductProcess product = ProductProcess.start(settings, log,
                List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"))) {
            ProductClient.awaitReady(port, log);
            assertEquals(401, ProductClient.login(port, "admin", WRONG_PASSWORD).statusCode());
            token = ProductClient.adminToken(port);
            try (SseTestClient stream = new SseTestClient(URI.create("http://127.0.0.1:" + port + "/alerts?access_token=" + token), Map.of())) {
                assertEquals(200, stream.status());
            }
            assertMonitoringFilesQueryServedMetrics(port, token);
            TopicContractCheck.check(port, settings, token);
            // A record the product cannot read: the line that says so names it.
            try (var producer = TestInfrastructure.producer()) {
                unreadableRule = producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(settings.get("RULES_TOPIC"),
                        "broken".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "not a rule".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
            }
            awaitLine(log, "ignoring unreadable rule broken");
            product.stop();
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (Exception notJson) {
                throw new AssertionError("not a JSON line: " + line, notJson);
            }
            assertTrue(node.isObject() && node.has("timestamp") && node.has("level") && node.has("loggerName") && node.has("message"), line);
            lines.add(node);
        }
        assertTrue(lines.stream().anyMatch(l -> l.get("message").asText().contains("Intellisite Indexer is ready")), "the banner, as a line");
        assertTrue(lines.stream().anyMatch(l -> l.get("loggerName").asText().startsWith("org.apache.kafka")), "Kafka's lines too");
        assertTrue(lines.stream().anyMatch(l -> l.get("loggerName").asText().equals("intellisite.access")
                && l.path("mdc").path("requestId").asText().length() >= 8), "a request's line carries its id");
        String record = unreadableRule.topic() + "-" + unreadableRule.partition() + "@" + unreadableRule.offset();
        assertTrue(lines.stream().anyMatch(l -> l.get("message").asText().contains("unreadable rule broken")
                && l.path("mdc").path("record").asText().equals(record)), "a record's line names it: " + record);
        // Warnings every healthy start printed (logback-known-noise.xml, and Streams' check of the global handler).
        for (String noise : List.of("delete.this", "Failed to delete state store directory", "not enabled for the GlobalThread")) {
            assertTrue(lines.stream().noneMatch(l -> l.get("message").asText().contains(noise)), "known noise logged: " + noise);
        }
        String all = Files.readString(log);
        for (String secret : List.of(token, settings.get("JWT_KEY"), settings.get("ADMIN_PASSWORD"), WRONG_PASSWORD,
                settings.get("DATABASE_PASSWORD"))) {
            if (secret != null && !secret.isEmpty()) {
                assertTrue(!all.contains(secret), "a secret in the log: " + secret.substring(0, Math.min(4, secret.length())) + "...");
            }
        }
    }
}
