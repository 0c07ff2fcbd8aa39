package io.intellisite.indexer.adapters.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;

/**
 * The topics' AsyncAPI document as a test reads it: its references resolved, the payload and header schemas of its
 * messages compiled as JSON Schema draft 7 (AsyncAPI 3's default schema format is a superset of it), and records
 * checked against them.
 */
public final class AsyncApiSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry DRAFT_7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final JsonNode document;

    private AsyncApiSchemas(JsonNode document) {
        this.document = document;
    }

    /** The document from its YAML (or JSON, a subset of YAML) text. */
    public static AsyncApiSchemas parse(String text) {
        try {
            return new AsyncApiSchemas(new YAMLMapper().readTree(text));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the AsyncAPI document is not YAML: " + e.getOriginalMessage(), e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** What a local reference ("#/components/schemas/Alert") points at; fails when it points at nothing. */
    public JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError("not a reference within the document: " + ref);
        }
        JsonNode node = document.at(ref.substring(1));
        if (node.isMissingNode()) {
            throw new AssertionError("the reference " + ref + " points at nothing");
        }
        return node;
    }

    /** A node, or what it refers to. */
    public JsonNode dereference(JsonNode node) {
        return node.has("$ref") ? resolve(node.get("$ref").asText()) : node;
    }

    /** The payload schema of a message of components.messages ("Alert"). */
    public Schema payload(String message) {
        return compile(dereference(message(message).get("payload")));
    }

    /** The headers schema of a message of components.messages ("DeadLetter"). */
    public Schema headers(String message) {
        return compile(dereference(message(message).get("headers")));
    }

    private JsonNode message(String name) {
        JsonNode message = document.path("components").path("messages").path(name);
        if (message.isMissingNode()) {
            throw new AssertionError("no message " + name);
        }
        return message;
    }

    /** A record's headers as the JSON object a headers schema checks, each value read as UTF-8 text. */
    public static ObjectNode headers(Iterable<Header> headers) {
        ObjectNode json = JSON.createObjectNode();
        for (Header header : headers) {
            json.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return json;
    }

    public static Schema compile(JsonNode schema) {
        return DRAFT_7.getSchema(schema.toString());
    }

    /** Why {@code value} (JSON text) does not fit {@code schema}; empty when it does. Text that is not JSON fits nothing. */
    public static List<String> errors(Schema schema, String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException notJson) {
            return List.of("not JSON");
        }
        return errors(schema, node);
    }

    public static List<String> errors(Schema schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        schema.validate(value).forEach(e -> errors.add(e.toString()));
        return errors;
    }
}
