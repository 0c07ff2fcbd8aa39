package io.intellisite.indexer.adapters.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.application.port.in.detection.GetStatsUseCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /stats}: detections per make, read from the counts the pipeline keeps. */
public final class StatsHttpService implements HttpService {
    private final BearerAuthentication bearer;
    private final GetStatsUseCase stats;

    public StatsHttpService(BearerAuthentication bearer, GetStatsUseCase stats) {
        this.bearer = bearer;
        this.stats = stats;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::stats);
    }

    private void stats(ServerRequest req, ServerResponse res) {
        var counts = stats.countsByMake(bearer.require(req));
        List<Map<String, Object>> data = counts.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("make", c.make());
            row.put("count", c.count());
            return row;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("size", data.size());
        HttpJson.send(res, Status.OK_200, body);
    }
}
