package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.application.testing.Eventually;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** A small HTTP client for tests that drive running product instances by their port. */
final class ProductClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ProductClient() {
    }

    /** Fails after 60 s with the last readiness answer (which check is down, and why) and the product's log. */
    static void awaitReady(int port, Path log) throws Exception {
        AtomicReference<String> last = new AtomicReference<>("no answer");
        Eventually.waitFor(() -> {
            try {
                HttpResponse<String> r = send("GET", port, "/health/ready", null, null);
                last.set(r.statusCode() + " " + r.body());
                return r.statusCode() == 200;
            } catch (Exception notYet) {
                last.set(notYet.toString());
                return false;
            }
        }, Duration.ofSeconds(60), () -> "; last readiness answer: " + last.get() + "; product log:\n" + Eventually.read(log));
    }

    /** A bearer token of the admin that {@link TestInfrastructure#productSettings} configures. */
    static String adminToken(int port) throws Exception {
        HttpResponse<String> r = login(port, "admin", "admin-password");
        return Json.parse(r.body()).get("access_token").asText();
    }

    /** The product's answer to a password login (OAuth2's form, as Swagger UI sends it). */
    static HttpResponse<String> login(int port, String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, int port, String path, String token, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The readiness answer at {@code url}: its status (-1 when nothing answers) and body. */
    static Readiness readiness(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Readiness(r.statusCode(), r.body());
        } catch (Exception e) {
            return new Readiness(-1, e.toString());
        }
    }

    record Readiness(int status, String body) {
    }
}
