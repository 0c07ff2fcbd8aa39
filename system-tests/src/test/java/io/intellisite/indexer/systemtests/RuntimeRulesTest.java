package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.adapters.http.SseTestClient;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.embedded.FreePort;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules changed over HTTP while detections flow, with two product processes: a change made on one instance
 * applies on both, without a restart; a disabled or deleted rule stops raising alerts; two matching rules
 * give one alert listing both; and subscribers can ask for one rule's alerts only.
 */
class RuntimeRulesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void ruleChangesOnOneInstanceApplyOnEveryInstanceWhileDetectionsFlow(@TempDir Path dir) throws Exception {
        String run = "rules" + System.nanoTime();
        TestInfrastructure.emptyDatabase();
        int portA = FreePort.pick();
        int portB = FreePort.pick();
        Map<String, String> a = new HashMap<>(TestInfrastructure.productSettings(dir.resolve("a"), run));
        a.put("HTTP_PORT", String.valueOf(portA));
        Map<String, String> b = new HashMap<>(TestInfrastructure.productSettings(dir.resolve("b"), run));
        b.put("HTTP_PORT", String.valueOf(portB));
        AtomicBoolean flowing = new AtomicBoolean(true);
        try (ProductProcess first = ProductProcess.start(a, dir.resolve("a.log"));
             ProductProcess second = ProductProcess.start(b, dir.resolve("b.log"))) {
            ProductClient.awaitReady(portA, dir.resolve("a.log"));
            ProductClient.awaitReady(portB, dir.resolve("b.log"));
            String token = ProductClient.adminToken(portA);
            String ladas = create(portA, token, "{\"name\": \"Ladas\", \"enabled\": false, \"conditions\": {\"make\": [\"lada\"]}}");
            Thread producer = Thread.ofPlatform().start(() -> produceLadas(a.get("DETECTIONS_TOPIC"), flowing));
            try (SseTestClient onA = subscribe(portA, token, ladas);
                 SseTestClient onB = subscribe(portB, token, ladas)) {
                assertEquals(List.of(), onA.take("alert", 1, Duration.ofSeconds(2)), "a disabled rule raises nothing");

                long enabledAt = System.nanoTime();
                HttpResponse<String> enabled = ProductClient.send("PUT", portB, "/rules/" + ladas, token,
                        "{\"name\": \"Ladas\", \"enabled\": true, \"conditions\": {\"make\": [\"lada\"]}}");
                assertEquals(200, enabled.statusCode(), enabled.body());
                for (SseTestClient subscriber : List.of(onA, onB)) {
                    assertEquals(1, subscriber.take("alert", 1, PATIENCE).size(), "the enabled rule raises alerts on both instances");
                    System.out.printf("rule enabled on B -> first alert on a subscriber: %d ms%n",
                            Duration.ofNanos(System.nanoTime() - enabledAt).toMillis());
                }

                String nivas = create(portB, token, "{\"name\": \"Nivas\", \"conditions\": {\"model\": {\"contains\": \"niva\"}}}");
                assertTrue(awaitAlertListing(onA, List.of(ladas, nivas).stream().sorted().toList()),
                        "a detection matching both rules raises one alert listing both");

                assertEquals(204, ProductClient.send("DELETE", portA, "/rules/" + ladas, token, null).statusCode());
                Thread.sleep(3_000); // let alerts decided before the delete drain
                drain(onA);
                drain(onB);
                assertEquals(List.of(), onA.take("alert", 1, Duration.ofSeconds(3)), "a deleted rule raises nothing on A");
                assertEquals(List.of(), onB.take("alert", 1, Duration.ofMillis(500)), "a deleted rule raises nothing on B");
            } finally {
                flowing.set(false);
                producer.join();
            }
            JsonNode rules = Json.parse(ProductClient.send("GET", portB, "/rules", token, null).body()).get("data");
            List<String> ids = new ArrayList<>();
            rules.forEach(r -> ids.add(r.get("id").asText()));
            assertEquals(2, ids.size(), "the seeded rule and Nivas remain: " + ids);
            assertTrue(ids.contains("suspicious-vehicle"));
        }
    }

    private static String create(int port, String token, String body) throws Exception {
        HttpResponse<String> created = ProductClient.send("POST", port, "/rules", token, body);
        assertEquals(201, created.statusCode(), created.body());
        return Json.parse(created.body()).get("id").asText();
    }

    private static SseTestClient subscribe(int port, String token, String rule) throws Exception {
        return new SseTestClient(URI.create("http://127.0.0.1:" + port + "/alerts?rule=" + rule), Map.of("Authorization", "Bearer " + token));
    }

    private static boolean awaitAlertListing(SseTestClient client, List<String> ruleIds) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (SseTestClient.Event event : client.take("alert", 1, Duration.ofSeconds(1))) {
                List<String> listed = new ArrayList<>();
                Json.parse(event.data()).get("rules").forEach(id -> listed.add(id.asText()));
                if (listed.equals(ruleIds)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void drain(SseTestClient client) throws InterruptedException {
        while (!client.take("alert", 1_000, Duration.ofMillis(200)).isEmpty()) {
            // keep draining until quiet
        }
    }

    /** A Lada Niva (not an SUV here, so only the rules under test match) every 10 ms until told to stop. */
    private static void produceLadas(String topic, AtomicBoolean flowing) {
        try (var producer = TestInfrastructure.producer()) {
            while (flowing.get()) {
                producer.send(new ProducerRecord<>(topic, DetectionJson.detection(new Detection(1990, "Lada", "Niva", "Off-road"))));
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
