package io.intellisite.indexer.adapters.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import java.util.Locale;
import java.util.Map;

/**
 * Answers what Helidon refuses before routing (a malformed request line or query, a body over the limit) with the
 * same short {@code {"error": ...}} as every other failure, instead of an empty body. Helidon's own message is
 * left out on purpose: it may quote the request back.
 */
final class JsonDirectHandler implements DirectHandler {

    static DirectHandlers all() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        JsonDirectHandler handler = new JsonDirectHandler();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        headers.set(HeaderNames.CONTENT_TYPE, "application/json");
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(eventType.keepAlive())
                .entity(HttpJson.bytes(Map.of("error", status.reasonPhrase().toLowerCase(Locale.ROOT))))
                .build();
    }
}
