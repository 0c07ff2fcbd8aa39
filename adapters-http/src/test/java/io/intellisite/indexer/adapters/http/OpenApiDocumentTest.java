package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.intellisite.indexer.adapters.http.sse.StalledWriteWatchdog;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The document at /openapi describes the API the server routes, both ways: every route the server has is in it
 * (walked from the services it registers, not listed by hand), with an operationId, tags and a schema for every body,
 * and every operation in it is routed. Both forms as served pass the reference OpenAPI parser.
 */
class OpenApiDocumentTest extends HttpApiContract {
    /** What Helidon's features serve beside the routed services: they cannot be walked, so they are named here. */
    private static final List<String> FEATURE_ROUTES = List.of("GET /openapi", "GET /health", "GET /health/live",
            "GET /health/ready");

    private static final String DOCUMENT = "https://intellisite.test/openapi.json";

    /** The keys of a path item that name operations (the others: parameters, summary, servers...). */
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertTrue(node instanceof Map, what + " is missing");
        return (Map<String, Object>) node;
    }

    /** Every route of the API's services, as "METHOD /path", read by running their routing on a recorder. */
    private List<String> routedOperations() {
        List<String> routes = new ArrayList<>(FEATURE_ROUTES);
        try (StalledWriteWatchdog stalls = new StalledWriteWatchdog(Duration.ofSeconds(30))) {
            IndexerHttpServer.api(serverSettings(), useCases, ASYNC_API, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), stalls)
                    .forEach((prefix, service) -> service.routing(RouteRecorder.under(prefix, routes)));
        }
        return routes;
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOneIsRouted() {
        Map<String, Object> document = map(new Yaml().load(get("/openapi", null).body()), "the document");
        assertTrue(String.valueOf(document.get("openapi")).startsWith("3."), "OpenAPI 3");
        Map<String, Object> paths = map(document.get("paths"), "paths");
        List<String> documented = new ArrayList<>();
        paths.forEach((path, item) -> map(item, path).keySet().stream().filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        List<String> routed = routedOperations();
        assertTrue(routed.contains("DELETE /rules/{id}") && routed.contains("POST /login/renew"), "walked: " + routed);
        assertEquals(routed.stream().sorted().toList(), documented.stream().sorted().toList());

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
            assertEveryBodyHasASchema(document, operation, spec, responses);
            String path = parts[1].replace("{id}", "some-rule");
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(parts[0], HttpRequest.BodyPublishers.noBody());
            int status = send(request).statusCode();
            assertNotEquals(404, status, operation + " is routed");
            assertNotEquals(405, status, operation + " is routed");
        }
    }

    private static void assertEveryBodyHasASchema(Map<String, Object> document, String operation, Map<String, Object> spec,
                                                  Map<String, Object> responses) {
        if (spec.containsKey("requestBody")) {
            map(map(spec.get("requestBody"), operation + " request").get("content"), operation + " request content")
                    .forEach((type, media) -> assertTrue(map(media, type).containsKey("schema"), operation + " request " + type));
        }
        responses.forEach((status, response) -> {
            Map<String, Object> r = map(response, operation + " " + status);
            if (r.get("$ref") instanceof String ref) {
                r = map(map(map(document.get("components"), "components").get("responses"), "responses")
                        .get(ref.substring(ref.lastIndexOf('/') + 1)), ref);
            }
            if (!status.equals("204")) {
                Map<String, Object> content = map(r.get("content"), operation + " " + status + ": a body and its schema");
                content.forEach((type, media) -> assertTrue(map(media, type).containsKey("schema"), operation + " " + status + " " + type));
            }
        });
    }

    /**
     * Issue 21: the document as served, YAML and JSON, is read by the reference OpenAPI parser (swagger-parser) with no
     * message: every reference resolves, every schema and parameter is well formed.
     */
    @Test
    void bothFormsAsServedPassTheReferenceParser() {
        for (String accept : List.of("application/yaml", "application/json")) {
            HttpResponse<String> served = send(HttpRequest.newBuilder(uri("/openapi")).header("Accept", accept));
            assertEquals(200, served.statusCode());
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
            assertEquals(List.of(), parsed.getMessages(), accept);
            assertTrue(parsed.getOpenAPI().getComponents().getSchemas().containsKey("Alert"), accept);
        }
        // A response without its description, as a slip in the document would leave it.
        Map<String, Object> document = map(new Yaml().load(get("/openapi", null).body()), "the document");
        map(map(map(map(document.get("paths"), "paths").get("/stats"), "/stats").get("get"), "get").get("responses"), "responses")
                .put("200", Map.of("content", Map.of()));
        SwaggerParseResult broken = new OpenAPIV3Parser().readContents(new Yaml().dump(document), null, new ParseOptions());
        assertTrue(!broken.getMessages().isEmpty(), "the parser can fail");
    }

    /**
     * Issue 21: the answers fit the schemas the document gives them (read with the OpenAPI 3.0 dialect, references
     * resolved within the document), success and error bodies alike.
     */
    @Test
    void theAnswersFitTheirDocumentedSchemas() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String served = send(HttpRequest.newBuilder(uri("/openapi")).header("Accept", "application/json")).body();
        // The document under a name of its own, so that each schema is read at its place and its references resolve.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(DOCUMENT, served)));
        java.util.function.BiConsumer<String, HttpResponse<String>> fits = (name, answer) -> {
            Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + name));
            try {
                assertEquals(List.of(), schema.validate(json.readTree(answer.body())).stream().map(Object::toString).toList(),
                        name + ": " + answer.body());
            } catch (java.io.IOException e) {
                throw new AssertionError(answer.body(), e);
            }
        };
        HttpResponse<String> login = login("admin", ADMIN_PASSWORD);
        fits.accept("Token", login);
        String token = json.readTree(login.body()).get("access_token").asText();
        fits.accept("Created", createUser(token, "viewer", "viewer@example.com", "viewer"));
        fits.accept("UsersPage", get("/users", token));
        fits.accept("User", get("/users/me", token));
        fits.accept("DetectionsPage", get("/detections", token));
        fits.accept("Stats", get("/stats", token));
        fits.accept("TimeSeries", get("/stats?interval=hour&by=category", token));
        fits.accept("Top", get("/stats/top?window=PT5M", token));
        fits.accept("Rule", postJson("/rules", token, "{\"name\": \"Old Ladas\", \"conditions\": {\"make\": [\"Lada\"], \"year\": {\"to\": 1995}}}"));
        fits.accept("RulesPage", get("/rules", token));
        fits.accept("Health", get("/health/ready", null));
        fits.accept("Error", get("/stats", null));
        fits.accept("Error", get("/detections?limit=0", token));
        Schema user = registry.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/User"));
        assertTrue(!user.validate(json.readTree("{\"id\": \"not-a-uuid\"}")).isEmpty(), "a schema can fail");
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
