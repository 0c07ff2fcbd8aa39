package io.intellisite.indexer.adapters.http.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.security.SecurityHeadersFilter;
import io.intellisite.indexer.domain.InvalidValueException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** JSON in and out of Helidon requests, with Jackson; malformed input becomes a domain validation error (422). */
public final class HttpJson {
    /** Refuses a field given twice: which of the two values counts would otherwise depend on the reader. */
    public static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private HttpJson() {
    }

    public static void send(ServerResponse res, Status status, Object body) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(bytes(body));
    }

    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response", e);
        }
    }

    public static void error(ServerResponse res, Status status, String message) {
        SecurityHeadersFilter.harden(res);
        send(res, status, Map.of("error", message));
    }

    /** The request body as a JSON object; anything else (empty, malformed, an array) is a 422. */
    public static ObjectNode objectBody(ServerRequest req) {
        String body = req.content().hasEntity() ? req.content().as(String.class) : "";
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException malformed) {
            // same answer as for a body of the wrong shape
        }
        throw new InvalidValueException("body must be a JSON object, each field given once");
    }

    /** A string field, or null when absent; a field of another type is a 422, never coerced. */
    public static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidValueException(field + " must be a string");
        }
        return value.asText();
    }

    public static Optional<String> query(ServerRequest req, String name) {
        return req.query().first(name).asOptional().filter(v -> !v.isBlank());
    }

    /** An ISO-8601 instant such as {@code 2026-01-01T00:00:00Z}, or a 422 saying so. */
    public static Optional<Instant> instantQuery(ServerRequest req, String name) {
        try {
            return query(req, name).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(name + " must be an ISO-8601 instant, e.g. 2026-01-01T00:00:00Z");
        }
    }

    public static int intQuery(ServerRequest req, String name, int defaultValue) {
        Optional<String> raw = query(req, name);
        try {
            return raw.map(Integer::parseInt).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name + " must be an integer");
        }
    }
}
