package io.intellisite.indexer.adapters.http.detections;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.http.security.BearerAuthentication;
import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.model.PageRequest;
import io.intellisite.indexer.application.port.in.detection.ListDetectionsUseCase;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /detections}: offset paging ({@code skip}, {@code limit}) as the prototype had it, plus an opaque
 * keyset cursor ({@code after}) that costs the same at any depth; every page names the {@code next} cursor. In
 * ingestion order, or newest first with {@code order=desc}.
 */
public final class DetectionsHttpService implements HttpService {
    private static final String CURSOR_PREFIX = "seq:";
    private final BearerAuthentication bearer;
    private final ListDetectionsUseCase list;

    public DetectionsHttpService(BearerAuthentication bearer, ListDetectionsUseCase list) {
        this.bearer = bearer;
        this.list = list;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var actor = bearer.require(req);
        PageRequest page = new PageRequest(HttpJson.intQuery(req, "skip", 0), HttpJson.intQuery(req, "limit", 100));
        DetectionQuery query = new DetectionQuery(page, HttpJson.query(req, "after").map(DetectionsHttpService::decode),
                HttpJson.query(req, "make"), HttpJson.query(req, "category"), HttpJson.instantQuery(req, "from"), HttpJson.instantQuery(req, "to"), newestFirst(req));
        DetectionPage result = list.list(actor, query);
        List<Map<String, Object>> data = result.items().stream().map(e -> json(e.detection())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("skip", page.skip());
        body.put("limit", page.limit());
        body.put("size", data.size());
        body.put("next", result.nextAfter().map(DetectionsHttpService::encode).orElse(null));
        body.put("data", data);
        HttpJson.send(res, Status.OK_200, body);
    }

    public static Map<String, Object> json(IndexedDetection d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id().toString());
        m.put("detectedAt", d.detectedAt().toString());
        m.put("Year", d.detection().year());
        m.put("Make", d.detection().make());
        m.put("Model", d.detection().model());
        m.put("Category", d.detection().category());
        return m;
    }

    /** The opaque cursor that continues after a sequence number (public for the benchmark command). */
    public static String encode(long sequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                long sequence = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (sequence >= 0) {
                    return sequence;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // same answer below
        }
        throw new InvalidValueException("after is not a valid cursor");
    }

    private static boolean newestFirst(ServerRequest req) {
        return switch (HttpJson.query(req, "order").orElse("asc")) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new InvalidValueException("order must be asc (oldest first) or desc (newest first)");
        };
    }

}
