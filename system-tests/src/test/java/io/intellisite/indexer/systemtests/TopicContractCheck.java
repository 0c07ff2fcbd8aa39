package io.intellisite.indexer.systemtests;

import static io.intellisite.indexer.adapters.kafka.AsyncApiSchemas.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intellisite.indexer.adapters.http.SseTestClient;
import io.intellisite.indexer.adapters.kafka.AsyncApiSchemas;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Issue 21, point 3, on a running instance: /asyncapi names this instance's topics, and the records it writes to
 * them (an alert, a dead letter with its headers, rules and a deleted rule's tombstone) fit the document's schemas,
 * as does the alert the stream relays.
 */
final class TopicContractCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_A_DETECTION = "{\"Year\": \"2011\", \"Make\": \"Toyota\"}";

    private TopicContractCheck() {
    }

    static void check(int port, Map<String, String> settings, String token) throws Exception {
        HttpResponse<String> served = ProductClient.send("GET", port, "/asyncapi", null, null);
        assertEquals(200, served.statusCode());
        AsyncApiSchemas contract = AsyncApiSchemas.parse(served.body());
        assertEquals(settings.get("DETECTIONS_TOPIC"), contract.document().at("/channels/detections/address").asText());
        assertEquals(settings.get("ALERTS_TOPIC"), contract.document().at("/channels/alerts/address").asText());
        assertEquals(settings.get("DLQ_TOPIC"), contract.document().at("/channels/deadLetters/address").asText());
        assertEquals(settings.get("RULES_TOPIC"), contract.document().at("/channels/rules/address").asText());

        String broker = settings.get("KAFKA_BROKER_URL");
        try (SseTestClient stream = new SseTestClient(URI.create("http://127.0.0.1:" + port + "/alerts?access_token=" + token), Map.of())) {
            assertEquals(200, stream.status());
            try (var producer = TestInfrastructure.producer()) {
                producer.send(new ProducerRecord<>(settings.get("DETECTIONS_TOPIC"), null, utf8(
                        "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"Land Cruiser\", \"Category\": \"SUV, Wagon\"}"))).get();
                ProducerRecord<byte[], byte[]> bad = new ProducerRecord<>(settings.get("DETECTIONS_TOPIC"), null, utf8(NOT_A_DETECTION));
                bad.headers().add("camera", utf8("7"));
                producer.send(bad).get();
            }
            List<SseTestClient.Event> relayed = stream.take("alert", 1, Duration.ofSeconds(30));
            assertEquals(1, relayed.size(), "the alert on the stream");
            assertEquals(List.of(), errors(contract.payload("Alert"), relayed.getFirst().data()), "as relayed");
        }
        HttpResponse<String> created = ProductClient.send("POST", port, "/rules", token,
                "{\"name\": \"Old Ladas\", \"conditions\": {\"make\": [\"Lada\"], \"year\": {\"to\": 1995}, \"model\": {\"contains\": \"Niva\"}}}");
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        assertEquals(204, ProductClient.send("DELETE", port, "/rules/" + id, token, null).statusCode());

        List<ConsumerRecord<byte[], byte[]>> alerts = Records.readAll(broker, settings.get("ALERTS_TOPIC"), 1, "read_committed");
        assertEquals(1, alerts.size());
        assertEquals(List.of(), errors(contract.payload("Alert"), text(alerts.getFirst().value())), "as written");
        assertEquals("Toyota", text(alerts.getFirst().key()));

        List<ConsumerRecord<byte[], byte[]>> dead = Records.readAll(broker, settings.get("DLQ_TOPIC"), 1, "read_committed");
        assertEquals(1, dead.size());
        assertEquals(NOT_A_DETECTION, text(dead.getFirst().value()));
        ObjectNode headers = AsyncApiSchemas.headers(dead.getFirst().headers());
        assertEquals("7", headers.path("camera").asText(), "the original headers kept");
        assertEquals(List.of(), errors(contract.headers("DeadLetter"), headers), headers.toString());

        // The stock rule published at start, the new one, and its tombstone.
        List<ConsumerRecord<byte[], byte[]>> rules = Records.readAll(broker, settings.get("RULES_TOPIC"), 3, "read_committed");
        assertTrue(rules.stream().anyMatch(r -> r.value() == null && text(r.key()).equals(id)), "the tombstone");
        assertTrue(rules.stream().anyMatch(r -> r.value() != null && text(r.key()).equals(id)), "the rule");
        for (ConsumerRecord<byte[], byte[]> rule : rules) {
            String value = rule.value() == null ? "null" : text(rule.value());
            assertEquals(List.of(), errors(contract.payload(rule.value() == null ? "RuleDeleted" : "Rule"), value), value);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
