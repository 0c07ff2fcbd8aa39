package io.intellisite.indexer.adapters.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The AsyncAPI 3 document of the four topics (contracts/asyncapi.yaml): their record formats as JSON Schemas, the
 * dead letters' headers, who writes and who reads. Kept beside the code that writes those records, whose tests hold
 * it to them; an instance serves it with its own topic names.
 */
public final class TopicContract {
    static final String RESOURCE = "contracts/asyncapi.yaml";

    private TopicContract() {
    }

    /** The document as YAML, its channels' addresses set to {@code topics}. */
    public static String asyncApi(TopicNames topics) {
        TopicNames defaults = TopicNames.defaults();
        Map<String, String> named = Map.of(address(defaults.detections()), address(topics.detections()),
                address(defaults.alerts()), address(topics.alerts()),
                address(defaults.deadLetters()), address(topics.deadLetters()),
                address(defaults.rules()), address(topics.rules()));
        // Line by line, in one pass: a configured name may be another topic's default.
        return document().lines().map(line -> named.getOrDefault(line, line)).collect(Collectors.joining("\n", "", "\n"));
    }

    // Single-quoted: a YAML scalar that holds any text, a quote written twice.
    private static String address(String topic) {
        return "    address: '" + topic.replace("'", "''") + "'";
    }

    private static String document() {
        try (InputStream in = TopicContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
