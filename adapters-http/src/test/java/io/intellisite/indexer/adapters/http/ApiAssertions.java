package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;

/** What the HTTP API's test suites check in an answer: its JSON, a token's claims, the shape of an error. */
final class ApiAssertions {
    private ApiAssertions() {
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return HttpJson.MAPPER.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static JsonNode jwtPayload(String token) {
        try {
            return HttpJson.MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (Exception e) {
            throw new AssertionError("not a JWT: " + token, e);
        }
    }

    /** A short JSON error with no stack trace, class name or SQL. */
    static void assertSafeError(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertTrue(body.hasNonNull("error"), response.body());
        assertFalse(response.body().matches("(?s).*(Exception|\\bat [a-z]+\\.|SQL|select |insert |java\\.).*"), response.body());
    }

    static boolean isUuidV4(String text) {
        return UUID.fromString(text).version() == 4;
    }
}
