package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A method a path does not have gets 405 with the path's methods in Allow, for every path of the document as served;
 * a path the API does not have stays 404. Authenticated, so that no route's 401 hides a missing method.
 */
class MethodNotAllowedTest extends HttpApiContract {
    private static final List<String> TRIED = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    @Test
    void everyPathAnswersAMethodItDoesNotHaveWith405AndItsMethods() {
        String token = adminToken();
        Map<String, Set<String>> documented = documentedMethods();
        int refused = 0;
        for (String template : documented.keySet()) {
            String path = template.replace("{id}", "some-id");
            // Another path of the document may match the same request ("/users/{id}" takes "/users/me" too).
            Set<String> allowed = new TreeSet<>();
            documented.forEach((other, methods) -> {
                if (path.matches(other.replace("{id}", "[^/]+"))) {
                    allowed.addAll(methods);
                }
            });
            for (String method : TRIED) {
                if (allowed.contains(method)) {
                    continue;
                }
                HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                        .method(method, HttpRequest.BodyPublishers.noBody()));
                assertEquals(405, answer.statusCode(), method + " " + path + ": " + answer.body());
                assertEquals(String.join(", ", allowed), answer.headers().firstValue("Allow").orElse(""), method + " " + path);
                if (!method.equals("HEAD")) {
                    assertEquals("{\"error\":\"method not allowed\"}", answer.body(), method + " " + path);
                }
                refused++;
            }
        }
        assertTrue(refused > 50, "methods tried that the paths do not have: " + refused);
    }

    @Test
    void aPathTheApiDoesNotHaveIsNotFoundWhateverTheMethod() {
        for (String method : TRIED) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/no-such-path")).method(method, HttpRequest.BodyPublishers.noBody()));
            assertEquals(404, answer.statusCode(), method);
        }
    }

    private Map<String, Set<String>> documentedMethods() {
        Map<String, Object> document = new Yaml().load(send(HttpRequest.newBuilder(uri("/openapi"))).body());
        Map<String, Set<String>> methods = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) document.get("paths")).forEach((path, item) -> methods.put((String) path, ((Map<?, ?>) item).keySet().stream()
                .map(k -> ((String) k).toUpperCase(Locale.ROOT)).filter(TRIED::contains).collect(TreeSet::new, Set::add, Set::addAll)));
        return methods;
    }
}
