package io.intellisite.indexer.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The last route: a request that no route took, on a path the API has, is answered 405 with the path's methods in
 * {@code Allow} (RFC 9110, 15.5.6) rather than 404, which would say the resource does not exist. Hand-written because
 * Helidon 4.2's router matches method and path together and reports no route either way; drop it once Helidon answers
 * 405 itself. The paths and their methods are read from the OpenAPI document, which OpenApiDocumentTest holds equal
 * to the routes.
 */
final class MethodNotAllowed implements Handler {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");
    private final Map<Pattern, Set<String>> paths;

    private MethodNotAllowed(Map<Pattern, Set<String>> paths) {
        this.paths = paths;
    }

    /** The methods of every path of the document at {@code resource} (an OpenAPI 3 document in YAML). */
    static MethodNotAllowed of(String resource) {
        Map<Pattern, Set<String>> paths = new LinkedHashMap<>();
        try (InputStream in = MethodNotAllowed.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            Map<String, Object> document = new Yaml().load(in);
            ((Map<?, ?>) document.get("paths")).forEach((path, item) -> paths.put(template((String) path),
                    ((Map<?, ?>) item).keySet().stream().filter(METHODS::contains)
                            .map(m -> ((String) m).toUpperCase(Locale.ROOT)).collect(TreeSet::new, Set::add, Set::addAll)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MethodNotAllowed(paths);
    }

    /** The methods some route has for {@code path}; empty when the API has no such path. */
    private Set<String> allowed(String path) {
        Set<String> allowed = new TreeSet<>();
        paths.forEach((template, methods) -> {
            if (template.matcher(path).matches()) {
                allowed.addAll(methods);
            }
        });
        return allowed;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Set<String> allowed = allowed(req.path().absolute().path());
        if (allowed.isEmpty() || allowed.contains(req.prologue().method().text())) {
            res.next();
            return;
        }
        res.header(HeaderNames.ALLOW, String.join(", ", allowed));
        HttpJson.error(res, Status.METHOD_NOT_ALLOWED_405, "method not allowed");
    }

    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(path);
        int from = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(from, parameter.start()))).append("[^/]+");
            from = parameter.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(from))).toString());
    }
}
