package io.intellisite.indexer.adapters.http.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code GET /asyncapi}: the topics' AsyncAPI document, as {@code /openapi} serves its own: YAML, or JSON when the
 * client asks for JSON ({@code Accept: application/json} or {@code ?format=json}). Public like {@code /openapi}: it
 * describes formats, no data.
 */
public final class AsyncApiHttpService implements HttpService {
    private static final HttpMediaType YAML = HttpMediaType.create("application/yaml; charset=UTF-8");
    private final String yaml;
    private final String json;

    /** {@code yaml}: the document; it is read once here, so a broken one stops the start rather than a request. */
    public AsyncApiHttpService(String yaml) {
        this.yaml = yaml;
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        try {
            this.json = HttpJson.MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the AsyncAPI document cannot be written as JSON", e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::serve);
    }

    private void serve(ServerRequest req, ServerResponse res) {
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("").toLowerCase(Locale.ROOT);
        boolean asJson = HttpJson.query(req, "format").map(f -> f.equalsIgnoreCase("json"))
                .orElse(accept.contains("application/json") && !accept.contains("yaml"));
        if (asJson) {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(json);
        } else {
            res.headers().contentType(YAML);
            res.send(yaml);
        }
    }
}
