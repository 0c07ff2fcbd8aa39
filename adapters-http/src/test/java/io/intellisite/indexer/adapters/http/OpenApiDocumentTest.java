package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The document at /openapi describes the API the server routes, both ways: every operation of the API is in it,
 * with the bearer scheme and the password flow against /login, and every operation in it is routed.
 */
class OpenApiDocumentTest extends HttpApiContract {
    /** Every operation the API serves (what IndexerHttpServer registers), as "METHOD path". */
    private static final List<String> API = List.of("POST /login", "POST /login/renew", "POST /users", "GET /users", "GET /users/me", "POST /users/me/password", "PATCH /users/{id}", "DELETE /users/{id}", "GET /detections",
            "GET /stats", "GET /alerts", "GET /rules", "POST /rules", "GET /rules/{id}", "PUT /rules/{id}", "DELETE /rules/{id}");

    /** The keys of a path item that name operations (the others: parameters, summary, servers...). */
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertTrue(node instanceof Map, what + " is missing");
        return (Map<String, Object>) node;
    }

    @Test
    void everyOperationIsDocumentedAndEveryDocumentedOneIsRouted() {
        Map<String, Object> document = map(new Yaml().load(get("/openapi", null).body()), "the document");
        assertTrue(String.valueOf(document.get("openapi")).startsWith("3."), "OpenAPI 3");
        Map<String, Object> paths = map(document.get("paths"), "paths");
        List<String> documented = new ArrayList<>();
        paths.forEach((path, item) -> map(item, path).keySet().stream().filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        assertEquals(API.stream().sorted().toList(), documented.stream().sorted().toList());

        java.util.Set<Object> operationIds = new java.util.HashSet<>();
        List<Object> declaredTags = ((List<?>) document.get("tags")).stream().map(t -> map(t, "tag").get("name")).toList();
        for (String operation : documented) {
            String[] parts = operation.split(" ");
            Map<String, Object> spec = map(map(paths.get(parts[1]), parts[1]).get(parts[0].toLowerCase()), operation);
            // Issue 21: client generators name methods after operationIds and group them by tags.
            assertTrue(spec.get("operationId") instanceof String id && operationIds.add(id), operation + ": a unique operationId");
            assertTrue(spec.get("tags") instanceof List<?> tags && !tags.isEmpty() && declaredTags.containsAll(tags),
                    operation + ": tags declared at the top");
            Map<String, Object> responses = map(spec.get("responses"), operation + " responses");
            boolean secured = !spec.containsKey("security"); // the document's default: oauth2 or bearer
            assertTrue(!secured || responses.containsKey("401"), operation + ": a secured operation documents its 401");
            String path = parts[1].replace("{id}", "some-rule");
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(parts[0], HttpRequest.BodyPublishers.noBody());
            int status = send(request).statusCode();
            assertNotEquals(404, status, operation + " is routed");
            assertNotEquals(405, status, operation + " is routed");
        }
    }

    @Test
    void theBearerSchemeThePasswordFlowAndTheEventStreamAreDescribed() {
        Map<String, Object> document = map(new Yaml().load(get("/openapi", null).body()), "the document");
        Map<String, Object> schemes = map(map(document.get("components"), "components").get("securitySchemes"), "securitySchemes");
        Map<String, Object> bearer = map(schemes.get("bearer"), "bearer scheme");
        assertEquals("http", bearer.get("type"));
        assertEquals("bearer", bearer.get("scheme"));
        Map<String, Object> flows = map(map(schemes.get("oauth2"), "oauth2 scheme").get("flows"), "flows");
        assertEquals("/login", map(flows.get("password"), "password flow").get("tokenUrl"));
        Map<String, Object> alerts = map(map(map(document.get("paths"), "paths").get("/alerts"), "/alerts").get("get"), "GET /alerts");
        Map<String, Object> ok = map(map(alerts.get("responses"), "responses").get("200"), "200");
        assertTrue(map(ok.get("content"), "content").containsKey("text/event-stream"));
    }

    /**
     * Issue 21: the JSON form as served is JSON, and says what the YAML form says. A description with an unquoted
     * comma in a YAML flow mapping once became a key with no value, served in JSON as {@code !!null "null"}.
     */
    @Test
    void theJsonFormIsValidJsonAndTheSameDocumentAsTheYaml() throws Exception {
        HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/openapi")).header("Accept", "application/json"));
        assertEquals(200, json.statusCode());
        Object fromJson = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.body(), Object.class);
        Object fromYaml = new Yaml().load(get("/openapi", null).body());
        assertEquals(fromYaml, fromJson);
        assertEquals(List.of(), nullsIn(fromYaml, "$"), "no key without a value");
    }

    @SuppressWarnings("unchecked")
    private static List<String> nullsIn(Object node, String path) {
        List<String> found = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (v == null) {
                    found.add(path + "." + k);
                }
                found.addAll(nullsIn(v, path + "." + k));
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(nullsIn(list.get(i), path + "[" + i + "]"));
            }
        }
        return found;
    }
}
