package io.intellisite.indexer.adapters.http.alerts;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.http.security.BearerAuthentication;
import io.intellisite.indexer.adapters.http.sse.EventStream;
import io.intellisite.indexer.adapters.http.sse.StreamCounts;
import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.application.model.AlertSubscription;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.alert.AlertFilter;
import io.intellisite.indexer.application.port.in.alert.WatchAlertsUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /alerts}: Server-Sent Events (see {@link EventStream}). Each alert is {@code event: alert},
 * {@code id: <stream position>}, {@code data: <one line of JSON>}; a subscriber that falls too far behind gets a final
 * {@code reconnect} event naming the last id it received.
 */
public final class AlertsHttpService implements HttpService {
    private final BearerAuthentication bearer;
    private final WatchAlertsUseCase watch;
    private final EventStream events;
    private final StreamCounts counts;
    private final AlertFrames frames = new AlertFrames();

    public AlertsHttpService(BearerAuthentication bearer, WatchAlertsUseCase watch, EventStream events, StreamCounts counts) {
        this.bearer = bearer;
        this.watch = watch;
        this.events = events;
        this.counts = counts;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::stream);
    }

    private void stream(ServerRequest req, ServerResponse res) {
        Principal actor = bearer.requireAllowingQueryToken(req);
        Optional<String> resume = EventStream.resumeId(req);
        AlertFilter filter = new AlertFilter(HttpJson.query(req, "make"), HttpJson.query(req, "category"),
                Set.copyOf(req.query().all("rule", List::of)));
        events.serve(res, actor, "alerts", resume, () -> {
            AlertSubscription subscription = watch.watch(actor, filter, resume);
            resume.ifPresent(from -> counts.resumed(subscription.restartedAt().isPresent()
                    ? StreamCounts.Resume.RESTARTED : StreamCounts.Resume.REPLAYED));
            return new EventStream.Source() {
                @Override
                public Optional<EventStream.Frame> next(Duration timeout) throws InterruptedException {
                    Optional<AlertEvent> event = subscription.next(timeout);
                    return event.map(e -> new EventStream.Frame(e.id(), frames.frame(e)));
                }

                @Override
                public boolean overflowed() {
                    return subscription.overflowed();
                }

                @Override
                public Optional<String> restartedAt() {
                    return subscription.restartedAt();
                }

                @Override
                public void close() {
                    subscription.close();
                }
            };
        });
    }
}
