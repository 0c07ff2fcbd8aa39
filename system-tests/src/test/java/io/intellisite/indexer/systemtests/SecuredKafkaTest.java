package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intellisite.indexer.adapters.http.SseTestClient;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, point 1: the product on a broker secured as operators run theirs, a SASL_SSL listener with SCRAM and a
 * certificate of a CA made here. Every client the product makes (topic check, pipeline, indexer, alert feed, rules)
 * reaches it through the shared {@code KAFKA_*} settings alone; the test's own producer uses the broker's plain
 * listener. Wrong credentials or a certificate the product does not trust stop the start with the setting to fix.
 */
class SecuredKafkaTest {
    private static final String USER = "indexer";
    private static final String SECRET = "indexer-scram-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        certificates = TestCertificates.create(dir.resolve("tls"), "secured-kafka-test-ca");
        String listener = "listener.name.external.";
        broker = EmbeddedKafkaBroker.start(DataDirectory.throwaway("secured-kafka"), 0, Map.of(
                "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                listener + "scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                listener + "ssl.keystore.location", certificates.keyStore().toString(),
                listener + "ssl.keystore.password", certificates.password(),
                listener + "ssl.key.password", certificates.password(),
                listener + "ssl.keystore.type", "PKCS12"),
                new EmbeddedKafkaBroker.Listener("EXTERNAL", "SASL_SSL", "localhost"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), SECRET))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Map<String, String> settings(Path dataDir, String run, String secret, Path trustStore) {
        Map<String, String> s = new HashMap<>(TestInfrastructure.productSettings(dataDir, run));
        s.put("KAFKA_BROKER_URL", broker.extraListenerBootstrapServers());
        s.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        s.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        s.put("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + USER + "\" password=\"" + secret + "\";");
        s.put("KAFKA_SSL_TRUSTSTORE_LOCATION", trustStore.toString());
        s.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", certificates.password());
        s.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        return s;
    }

    @Test
    void detectionsAreStoredAlertedStreamedAndRulesChangeOverSaslSsl() throws Exception {
        String run = "secured" + System.nanoTime();
        TestInfrastructure.emptyDatabase();
        Map<String, String> s = settings(dir.resolve(run), run, SECRET, certificates.trustStore());
        try (IndexerApplication app = IndexerApplication.start(Settings.load(s))) {
            int port = app.httpPort();
            String token = ProductClient.adminToken(port);
            try (SseTestClient alerts = new SseTestClient(URI.create("http://127.0.0.1:" + port + "/alerts"),
                    Map.of("Authorization", "Bearer " + token))) {
                assertEquals(200, alerts.status());
                produce(s.get("DETECTIONS_TOPIC"), new Detection(2021, "Land Rover", "Defender", "SUV"));
                List<SseTestClient.Event> first = alerts.take("alert", 1, Duration.ofSeconds(60));
                assertEquals(1, first.size(), "the seeded rule's alert, through the secured pipeline and alert feed");
                assertEquals("Land Rover", JSON.readTree(first.getFirst().data()).get("Make").asText());

                HttpResponse<String> created = ProductClient.send("POST", port, "/rules", token,
                        "{\"name\": \"Kias\", \"conditions\": {\"make\": [\"kia\"]}}");
                assertEquals(201, created.statusCode(), created.body());
                produce(s.get("DETECTIONS_TOPIC"), new Detection(2019, "Kia", "Rio", "Sedan"));
                List<SseTestClient.Event> second = alerts.take("alert", 1, Duration.ofSeconds(60));
                assertEquals(1, second.size(), "the new rule reached the pipeline through the secured rules topic");
                assertEquals("Kia", JSON.readTree(second.getFirst().data()).get("Make").asText());
            }
            // The indexer stores on its own schedule (up to 200 ms of fetch wait, then a commit), after the alerts.
            Eventually.waitFor(() -> stored(port, token) == 2, Duration.ofSeconds(30),
                    () -> "both detections indexed by the secured indexer; stored: " + stored(port, token));
        }
    }

    @Test
    void wrongCredentialsOrAnUntrustedCertificateStopTheStartNamingTheSetting() throws Exception {
        TestCertificates otherCa = TestCertificates.create(dir.resolve("other-ca"), "a-ca-the-broker-does-not-use");
        record Case(String secret, Path trustStore, String setting) {
        }
        for (Case c : List.of(new Case("not-the-secret", certificates.trustStore(), "KAFKA_SASL_JAAS_CONFIG"),
                new Case(SECRET, otherCa.trustStore(), "KAFKA_SSL_TRUSTSTORE_LOCATION"))) {
            String run = "refused" + System.nanoTime();
            long start = System.nanoTime();
            StartupException refused = assertThrows(StartupException.class,
                    () -> IndexerApplication.start(Settings.load(settings(dir.resolve(run), run, c.secret(), c.trustStore()))).close());
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertTrue(refused.getMessage().startsWith(c.setting() + ": "), refused.getMessage());
            assertTrue(seconds < 30, "refused within 30 s, not after " + seconds + " s");
            assertTrue(!refused.getMessage().contains(SECRET) && !refused.getMessage().contains(certificates.password()),
                    "no secret in the message: " + refused.getMessage());
        }
    }

    private static int stored(int port, String token) {
        try {
            JsonNode page = JSON.readTree(ProductClient.send("GET", port, "/detections", token, null).body());
            return page.get("size").asInt();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void produce(String topic, Detection detection) throws Exception {
        try (var producer = TestInfrastructure.producer(broker.bootstrapServers(), Map.of())) {
            producer.send(new ProducerRecord<>(topic, null, DetectionJson.detection(detection))).get();
        }
    }
}
