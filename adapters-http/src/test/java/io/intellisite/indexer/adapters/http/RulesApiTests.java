package io.intellisite.indexer.adapters.http;

import static io.intellisite.indexer.adapters.http.ApiAssertions.assertSafeError;
import static io.intellisite.indexer.adapters.http.ApiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.domain.detection.Detection;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /rules} over a real socket: roles, validation, and every change reaching the pipeline's rule table. */
public abstract class RulesApiTests extends HttpApiContract {
    private static final String LADAS = """
            {"name": "Old Ladas", "conditions": {"make": ["Lada"], "year": {"to": 1995}}}""";
    private static final Detection NIVA = new Detection(1990, "LADA", "Niva", "Off-road");

    private String viewerToken() {
        assertEquals(201, createUser(adminToken(), "viewer", "viewer@example.com", "viewer").statusCode());
        return token("viewer", "pass-viewer");
    }

    @Test
    void anAdminCreatesReadsReplacesAndDeletesARuleAndThePipelineFollows() {
        String admin = adminToken();
        HttpResponse<String> created = postJson("/rules", admin, LADAS);
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created).get("id").asText();
        assertEquals("/rules/" + id, created.headers().firstValue("Location").orElse(""));
        assertEquals(List.of(id), ruleTopic.current().matchingIds(NIVA));

        JsonNode one = json(get("/rules/" + id, viewerToken()));
        assertEquals("Old Ladas", one.get("name").asText());
        assertTrue(one.get("enabled").asBoolean());
        assertEquals("lada", one.get("conditions").get("make").get(0).asText());
        assertEquals(1995, one.get("conditions").get("year").get("to").asInt());
        assertEquals(1, json(get("/rules", admin)).get("size").asInt());

        HttpResponse<String> disabled = sendJson("PUT", "/rules/" + id, admin, """
                {"name": "Old Ladas", "enabled": false, "conditions": {"make": ["Lada"]}}""");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals(List.of(), ruleTopic.current().matchingIds(NIVA));
        assertEquals(1, ruleTopic.current().rules().size());

        assertEquals(204, sendJson("DELETE", "/rules/" + id, admin, null).statusCode());
        assertEquals(List.of(), ruleTopic.current().rules());
        assertSafeError(get("/rules/" + id, admin), 404);
        assertSafeError(sendJson("PUT", "/rules/" + id, admin, LADAS), 404);
        assertSafeError(sendJson("DELETE", "/rules/" + id, admin, null), 404);
    }

    @Test
    void viewersReadButCannotChangeAndStrangersGetNothing() {
        String id = json(postJson("/rules", adminToken(), LADAS)).get("id").asText();
        String viewer = viewerToken();
        assertEquals(200, get("/rules", viewer).statusCode());
        assertSafeError(postJson("/rules", viewer, LADAS), 403);
        assertSafeError(sendJson("PUT", "/rules/" + id, viewer, LADAS), 403);
        assertSafeError(sendJson("DELETE", "/rules/" + id, viewer, null), 403);
        assertSafeError(get("/rules", null), 401);
        assertSafeError(postJson("/rules", null, LADAS), 401);
        assertEquals(1, ruleTopic.current().rules().size());
    }

    @Test
    void malformedRulesAndRulesThatCouldNeverMatchAreRefusedWithAReason() {
        String admin = adminToken();
        for (String body : List.of("not json", "[]", "{\"name\": \"x\"}", "{\"conditions\": {\"make\": [\"a\"]}}",
                "{\"name\": \"x\", \"conditions\": {}}", "{\"name\": \"x\", \"conditions\": {\"colour\": [\"red\"]}}",
                "{\"name\": \"x\", \"conditions\": {\"year\": {\"from\": 2015, \"to\": 2000}}}",
                "{\"name\": \"x\", \"conditions\": {\"year\": {\"from\": 2000.5}}}",
                "{\"name\": \"x\", \"conditions\": {\"category\": []}}",
                "{\"name\": \"x\", \"conditions\": {\"model\": {\"like\": \"a\"}}}",
                "{\"name\": \"x\", \"enabled\": \"yes\", \"conditions\": {\"make\": [\"a\"]}}",
                "{\"name\": \"x\", \"conditions\": {\"make\": [\"a'); drop table alert_rules; --\"], \"year\": {\"to\": 1800}}}")) {
            HttpResponse<String> response = postJson("/rules", admin, body);
            assertSafeError(response, 422);
        }
        assertEquals(0, json(get("/rules", admin)).get("size").asInt());
        assertEquals(List.of(), ruleTopic.current().rules());
    }

    /** A field the product does not know is refused and named, not dropped: the rule would fire on every match. */
    @Test
    void aRuleWithAFieldThisVersionDoesNotKnowIsRefusedNamingIt() {
        String admin = adminToken();
        HttpResponse<String> response = postJson("/rules", admin, "{\"name\": \"SUV bursts\", \"conditions\": {\"category\": [\"SUV\"]},"
                + " \"severity\": \"high\"}");
        assertSafeError(response, 422);
        assertTrue(json(response).get("error").asText().contains("'severity'"), response.body());
        HttpResponse<String> inWindow = postJson("/rules", admin, "{\"name\": \"SUV bursts\", \"conditions\": {\"category\": [\"SUV\"]},"
                + " \"window\": {\"count\": 3, \"within\": \"PT1M\", \"slide\": true}}");
        assertSafeError(inWindow, 422);
        assertTrue(json(inWindow).get("error").asText().contains("'slide'"), inWindow.body());
        assertEquals(0, json(get("/rules", admin)).get("size").asInt());
    }

    @Test
    void aWindowedRuleIsKeptWithItsWindowAndReachesThePipeline() {
        String admin = adminToken();
        HttpResponse<String> created = postJson("/rules", admin, "{\"name\": \"SUV bursts\", \"conditions\": {\"category\": [\"SUV\"]},"
                + " \"window\": {\"count\": 3, \"within\": \"PT1M\", \"groupBy\": \"make\"}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode window = json(created).get("window");
        assertEquals("{\"count\":3,\"within\":\"PT1M\",\"groupBy\":\"make\",\"grace\":\"PT10S\"}", window.toString());
        String id = json(created).get("id").asText();
        assertEquals(window, json(get("/rules/" + id, admin)).get("window"));
        assertEquals(3, ruleTopic.current().byId(id).orElseThrow().window().count());
        Detection cruiser = new Detection(2011, "Toyota", "Land Cruiser", "SUV");
        assertEquals(List.of(), ruleTopic.current().matchingIds(cruiser), "a windowed rule raises nothing on one match");
        assertEquals(1, ruleTopic.current().windowKeys(cruiser).size());
        for (String bad : List.of("{\"count\": 1, \"within\": \"PT1M\"}", "{\"count\": 3, \"within\": \"P2D\"}",
                "{\"count\": 3, \"within\": \"PT1M\", \"groupBy\": \"colour\"}", "{\"count\": 3}", "[3]")) {
            HttpResponse<String> refused = sendJson("PUT", "/rules/" + id, admin, "{\"name\": \"x\", \"conditions\": {\"category\": [\"SUV\"]},"
                    + " \"window\": " + bad + "}");
            assertSafeError(refused, 422);
            assertTrue(json(refused).get("error").asText().contains("window") || json(refused).get("error").asText().contains("groupBy"),
                    refused.body());
        }
        HttpResponse<String> unwindowed = sendJson("PUT", "/rules/" + id, admin, "{\"name\": \"x\", \"conditions\": {\"category\": [\"SUV\"]}}");
        assertEquals(200, unwindowed.statusCode(), unwindowed.body());
        assertTrue(!json(unwindowed).has("window"), "a replaced rule without a window has none");
    }

    @Test
    void whenThePipelineCannotBeToldTheChangeIsRefusedAndNothingIsStored() {
        String admin = adminToken();
        String id = json(postJson("/rules", admin, LADAS)).get("id").asText();
        ruleTopic.reachable(false);
        HttpResponse<String> refused = postJson("/rules", admin, LADAS);
        assertSafeError(refused, 503);
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertSafeError(sendJson("DELETE", "/rules/" + id, admin, null), 503);
        assertEquals(1, json(get("/rules", admin)).get("size").asInt());
    }

    @Test
    void theOpenApiDocumentDescribesRules() {
        String document = get("/openapi", null).body();
        assertTrue(document.contains("/rules/{id}"), document);
        assertTrue(document.contains("Rule:"), document);
    }
}
