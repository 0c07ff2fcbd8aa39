package io.intellisite.indexer.adapters.kafka.pipeline;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Records the pipeline takes as detections and records it dead-letters, with the reason: the topology's tests send
 * them, and the detections schema of the topics' AsyncAPI document is held to them.
 */
final class DetectionExamples {
    /** A record the pipeline refuses, and the dlq.reason it gives. */
    record Rejected(String value, String reason) {
    }

    static final List<String> ACCEPTED = List.of(
            "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"Land Cruiser\", \"Category\": \"SUV\"}",
            "{\"Year\": 2019, \"Make\": \"Subaru\", \"Model\": \"Outback\", \"Category\": \"suv, Wagon\"}",
            "{\"Year\": 1886, \"Make\": \"Benz\", \"Model\": \"Patent-Motorwagen\", \"Category\": \"Wagon\"}",
            "{\"Year\": 2011, \"Make\": \" Toyota \", \"Model\": \"Land Cruiser\", \"Category\": \" SUV ,\", \"Camera\": 7}",
            "{\"Year\": 2011, \"Make\": \"Toyota\", \"Lane\": 1, \"Model\": \"X\", \"Lane\": {\"Make\": \"Ford\"}, \"Category\": \"SUV\"}");

    static final List<Rejected> REJECTED = List.of(
            new Rejected("not json at all", "NOT_JSON"),
            new Rejected("[1, 2, 3]", "NOT_AN_OBJECT"),
            new Rejected("\"a string\"", "NOT_AN_OBJECT"),
            new Rejected("{\"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": \"2011\", \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 2011.5, \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 1700, \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 2011, \"Make\": 7, \"Model\": \"X\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \" \", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \" , \"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"X\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 2011, \"Make\": \"Toy\\u0000ota\", \"Model\": \"X\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 2011, \"Make\": \"" + "M".repeat(101) + "\", \"Model\": \"X\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"X\", \"Make\": \"Ford\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            new Rejected("{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"Sedan\", \"Category\": \"SUV\"}", "INVALID_FIELDS"));

    /**
     * Refused for what no JSON Schema can see: a known field given twice (a schema validates the parsed document,
     * which keeps one of the two). The document's description says so.
     */
    static final List<Rejected> BEYOND_A_SCHEMA = List.of(REJECTED.get(13), REJECTED.get(14));

    private DetectionExamples() {
    }

    static Stream<Arguments> rejected() {
        return REJECTED.stream().map(r -> Arguments.of(r.value(), r.reason()));
    }
}
