package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code /asyncapi} serves the document it was given (the product's own is tested with the Kafka adapter and in
 * OperabilityTest), to anyone, as YAML or JSON like /openapi, and the API's docs page links to it.
 */
class AsyncApiEndpointTest extends HttpApiContract {
    @Test
    void theDocumentIsServedAsYamlOrJsonWithoutAToken() throws Exception {
        HttpResponse<String> yaml = get("/asyncapi", null);
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertEquals(ASYNC_API, yaml.body());
        Object document = new Yaml().load(ASYNC_API);
        for (HttpRequest.Builder asJson : new HttpRequest.Builder[] {
                HttpRequest.newBuilder(uri("/asyncapi")).header("Accept", "application/json"),
                HttpRequest.newBuilder(uri("/asyncapi?format=json"))}) {
            HttpResponse<String> json = send(asJson);
            assertEquals(200, json.statusCode());
            assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals(document, new ObjectMapper().readValue(json.body(), Object.class));
        }
    }

    @Test
    void theApiDocsPageLinksToIt() {
        HttpResponse<String> docs = get("/docs/", null);
        assertEquals(200, docs.statusCode());
        assertTrue(docs.body().contains("href=\"/asyncapi\""), docs.body());
    }
}
