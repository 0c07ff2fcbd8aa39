package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The files of Swagger UI, served from its webjar, arrive whole when a browser asks for them all at once, on
 * every server a JVM starts. Helidon 4.2.0 closed the JVM's shared handle on the jar while another request
 * was copying from it, and then served that file empty (status 200, length 0) until a restart
 * (helidon-io/helidon#9939): the live page of a CI run loaded without its script that way.
 */
class StaticContentTest extends HttpApiContract {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/5.34.1/";
    private static final List<String> FILES = List.of("swagger-ui.css", "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "index.css", "swagger-initializer.js");
    private static final int SERVERS = 50;

    @Test
    void everyServerServesTheWebjarFilesWholeToConcurrentFirstRequests() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int round = 0; round < SERVERS; round++) {
            if (round > 0) {
                stopServer();
                startServer();
            }
            List<CompletableFuture<HttpResponse<byte[]>>> responses = FILES.stream()
                    .map(f -> client.sendAsync(HttpRequest.newBuilder(uri("/docs/" + f)).build(), HttpResponse.BodyHandlers.ofByteArray()))
                    .toList();
            for (int i = 0; i < FILES.size(); i++) {
                HttpResponse<byte[]> response = responses.get(i).get();
                assertEquals(200, response.statusCode(), FILES.get(i) + " on server " + round);
                assertEquals(size(FILES.get(i)), response.body().length, FILES.get(i) + " on server " + round);
            }
        }
    }

    /** Point 10 of the hostile-clients issue: what a browser is told on every answer, pages and API alike. */
    /** A browser's refresh asks again with the ETag it holds: "not modified", with no body and so no JSON error in it. */
    @Test
    void aRefreshedFileIsNotModifiedWithNoBody() {
        HttpResponse<String> first = send(HttpRequest.newBuilder(uri("/live.js")));
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/live.js")).header("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(Optional.empty(), again.headers().firstValue("Content-Type"), "a 304 has no body to type");
    }

    @Test
    void everyAnswerHardensTheBrowserAndTheDocsPageKeepsNoTokenAndNoInlineScript() throws Exception {
        for (String path : List.of("/", "/docs/", "/docs/init.js", "/login", "/stats")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), path + ": " + csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
        String docs = send(HttpRequest.newBuilder(uri("/docs/")).GET()).body();
        assertFalse(docs.replaceAll("<script src=\"[^\"]+\"></script>", "").contains("<script"), "no inline script: " + docs);
        String init = send(HttpRequest.newBuilder(uri("/docs/init.js")).GET()).body();
        assertTrue(init.contains("persistAuthorization: false"), init);
    }

    private static int size(String file) throws Exception {
        try (InputStream in = StaticContentTest.class.getClassLoader().getResourceAsStream(WEBJAR + file)) {
            return in.readAllBytes().length;
        }
    }
}
