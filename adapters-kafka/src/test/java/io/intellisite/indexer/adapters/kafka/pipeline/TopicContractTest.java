package io.intellisite.indexer.adapters.kafka.pipeline;

import static io.intellisite.indexer.adapters.kafka.AsyncApiSchemas.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import io.intellisite.indexer.adapters.kafka.AsyncApiSchemas;
import io.intellisite.indexer.adapters.kafka.TopicContract;
import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.wire.AlertRuleJson;
import io.intellisite.indexer.adapters.kafka.wire.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The topics' AsyncAPI document (issue 21): an AsyncAPI 3 document whose references all resolve, whose detections
 * schema takes what the pipeline takes and refuses what it dead-letters, and whose alert, dead-letter and rule
 * schemas fit the records the topology and the rules publisher write.
 */
class TopicContractTest extends TopologyTestDriverFixture {
    private final AsyncApiSchemas contract = AsyncApiSchemas.parse(TopicContract.asyncApi(TopicNames.defaults()));

    @Test
    void itIsAnAsyncApi3DocumentWhoseReferencesResolveAndWhoseExamplesFit() {
        JsonNode document = contract.document();
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertTrue(document.path("info").path("title").isTextual() && document.path("info").path("version").isTextual());
        Set<String> addresses = new java.util.TreeSet<>();
        document.path("channels").properties().forEach(channel -> {
            assertTrue(channel.getValue().path("address").isTextual(), channel.getKey() + " has an address");
            addresses.add(channel.getValue().path("address").asText());
            assertFalse(channel.getValue().path("messages").isEmpty(), channel.getKey() + " has messages");
        });
        assertEquals(Set.of("intellisite.detections", "intellisite.alerts", "intellisite.detections.dlq", "intellisite.rules"), addresses);
        document.path("operations").properties().forEach(operation -> {
            assertTrue(Set.of("send", "receive").contains(operation.getValue().path("action").asText()), operation.getKey());
            assertTrue(contract.resolve(operation.getValue().path("channel").path("$ref").asText()).has("address"));
        });
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertTrue(refs.size() > 20, "the document links its parts: " + refs.size());
        refs.forEach(contract::resolve);
        document.path("components").path("messages").properties().forEach(message -> {
            Schema payload = contract.payload(message.getKey());
            for (JsonNode example : message.getValue().path("examples")) {
                assertEquals(List.of(), errors(payload, example.path("payload")), message.getKey() + " example " + example.path("name"));
            }
        });
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    @Test
    void theDetectionSchemaTakesWhatThePipelineTakesAndRefusesWhatItDeadLetters() {
        Schema detection = contract.payload("Detection");
        for (String accepted : DetectionExamples.ACCEPTED) {
            assertEquals(List.of(), errors(detection, accepted), accepted);
        }
        for (DetectionExamples.Rejected rejected : DetectionExamples.REJECTED) {
            boolean beyond = DetectionExamples.BEYOND_A_SCHEMA.contains(rejected);
            assertEquals(beyond, errors(detection, rejected.value()).isEmpty(), rejected.value());
        }
        // The year's upper bound moves with the calendar; the document states it in words.
        assertEquals(List.of(), errors(detection, "{\"Year\": 3000, \"Make\": \"T\", \"Model\": \"X\", \"Category\": \"SUV\"}"));
    }

    @Test
    void theRecordsTheTopologyWritesFitTheirSchemas() {
        send(DetectionExamples.ACCEPTED.get(1));
        send(DetectionExamples.REJECTED.get(4).value());
        input.pipeInput(new byte[0]);
        List<TestRecord<byte[], byte[]>> alerts = this.alerts.readRecordsToList();
        assertEquals(1, alerts.size());
        assertEquals(List.of(), errors(contract.payload("Alert"), utf8(alerts.getFirst().value())));
        assertEquals("Subaru", utf8(alerts.getFirst().key()), "keyed by make");
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertEquals(2, dead.size());
        for (TestRecord<byte[], byte[]> letter : dead) {
            assertEquals(List.of(), errors(contract.headers("DeadLetter"), AsyncApiSchemas.headers(letter.headers())), letter.headers().toString());
        }
        ObjectNode wrongReason = AsyncApiSchemas.headers(dead.getFirst().headers()).put(DeadLetterHeaders.REASON, "SOMETHING_ELSE");
        assertFalse(errors(contract.headers("DeadLetter"), wrongReason).isEmpty(), "the schema can fail");
    }

    @Test
    void theRulesAsPublishedFitTheirSchema() {
        Schema rule = contract.payload("Rule");
        for (var written : List.of(rule("wagons", true, Map.of("category", List.of("Wagon"))),
                rule("old-ladas", false, Map.of("make", List.of("Lada"), "year", Map.of("to", 1995),
                        "model", Map.of("contains", "Niva"))))) {
            assertEquals(List.of(), errors(rule, utf8(AlertRuleJson.write(written))), written.id());
        }
        assertFalse(errors(rule, "{\"id\": \"x\", \"name\": \"x\", \"enabled\": true, \"conditions\": {\"colour\": [\"red\"]}}").isEmpty());
    }

    @Test
    void anInstanceServesTheDocumentWithItsOwnTopicNames() {
        TopicNames mine = new TopicNames("cams.detections", "intellisite.detections", "cams.dlq", "it's.rules");
        JsonNode document = AsyncApiSchemas.parse(TopicContract.asyncApi(mine)).document();
        assertEquals("cams.detections", document.at("/channels/detections/address").asText());
        assertEquals("intellisite.detections", document.at("/channels/alerts/address").asText(), "another topic's default name");
        assertEquals("cams.dlq", document.at("/channels/deadLetters/address").asText());
        assertEquals("it's.rules", document.at("/channels/rules/address").asText());
        assertEquals(contract.document().path("components"), document.path("components"));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
