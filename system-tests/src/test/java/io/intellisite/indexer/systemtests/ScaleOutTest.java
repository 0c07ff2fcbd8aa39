package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.adapters.http.SseTestClient;
import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.embedded.FreePort;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the product (its own command, separate JVMs, different HTTP ports, same broker, database
 * and application id): they share the partitions, SSE subscribers of either get every alert, and when one
 * stops the other takes over its partitions with nothing lost or doubled.
 */
class ScaleOutTest {
    @Test
    void twoInstancesShareTheWorkAndOneTakesOverWhenTheOtherStops(@TempDir Path dir) throws Exception {
        String run = "scale" + System.nanoTime();
        PostgresDatabase db = TestInfrastructure.emptyDatabase();
        int portA = FreePort.pick();
        int portB = FreePort.pick();
        Map<String, String> a = new HashMap<>(TestInfrastructure.productSettings(dir.resolve("a"), run));
        a.put("HTTP_PORT", String.valueOf(portA));
        Map<String, String> b = new HashMap<>(TestInfrastructure.productSettings(dir.resolve("b"), run));
        b.put("HTTP_PORT", String.valueOf(portB));
        try (ProductProcess first = ProductProcess.start(a, dir.resolve("a.log"));
             ProductProcess second = ProductProcess.start(b, dir.resolve("b.log"))) {
            ProductClient.awaitReady(portA, dir.resolve("a.log"));
            ProductClient.awaitReady(portB, dir.resolve("b.log"));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()))) {
                Eventually.waitFor(() -> indexerMembers(admin, run) == 4, Duration.ofSeconds(30), dir.resolve("b.log"));
            }
            String token = ProductClient.adminToken(portA);
            try (SseTestClient onA = new SseTestClient(URI.create("http://127.0.0.1:" + portA + "/alerts"), Map.of("Authorization", "Bearer " + token));
                 SseTestClient onB = new SseTestClient(URI.create("http://127.0.0.1:" + portB + "/alerts"), Map.of("Authorization", "Bearer " + token))) {
                Random random = new Random(11);
                VehicleCatalog catalog = VehicleCatalog.load(random);
                long firstAlerts = produce(a.get("DETECTIONS_TOPIC"), catalog, 1_000);
                assertEquals(firstAlerts, alertIds(onA, firstAlerts).size(), "subscriber on instance A");
                assertEquals(firstAlerts, alertIds(onB, firstAlerts).size(), "subscriber on instance B");

                second.close();
                long secondAlerts = produce(a.get("DETECTIONS_TOPIC"), catalog, 1_000);
                Eventually.waitFor(() -> Stored.detections(db) >= 2_000,
                        Duration.ofSeconds(60), dir.resolve("a.log"));
                assertEquals(secondAlerts, alertIds(onA, secondAlerts).size(), "A carries on alone");
            }
            assertEquals(2_000, Stored.detections(db));
            assertEquals(2_000, Stored.count(db, "select count(distinct (source_partition, source_offset)) from detections"));
        }
    }

    private static int indexerMembers(Admin admin, String run) {
        try {
            return admin.describeConsumerGroups(Set.of(run + "-indexer")).all().get().get(run + "-indexer").members().size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static Set<String> alertIds(SseTestClient client, long expected) throws InterruptedException {
        return client.take("alert", (int) expected, Duration.ofSeconds(60)).stream()
                .map(e -> Json.parse(e.data()).get("id").asText()).collect(Collectors.toSet());
    }

    private static long produce(String topic, VehicleCatalog catalog, int count) throws Exception {
        AlertRule suv = AlertRule.suspiciousCategory("SUV");
        long alerts = 0;
        try (var producer = TestInfrastructure.producer()) {
            for (int i = 0; i < count; i++) {
                Detection d = catalog.next();
                alerts += suv.matches(d) ? 1 : 0;
                producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(d)));
            }
        }
        return alerts;
    }
}
