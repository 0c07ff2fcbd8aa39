package io.intellisite.indexer.adapters.http.sse;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.http.security.BearerAuthentication;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What every Server-Sent Events stream of the API shares (see {@link SseWriter}): it ends with its token (expired,
 * or revoked as rechecked every {@link #RECHECK}) with a last event naming the last id sent, a comment every heartbeat
 * keeps proxies from closing an idle stream, a subscriber that falls too far behind gets {@code reconnect}, and a
 * write that stalls is cut by the watchdog. Each stream's events come from a {@link Source}.
 */
public final class EventStream {
    private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
    /** How long a disconnected EventSource waits before it reconnects. */
    private static final Duration RETRY = Duration.ofSeconds(3);
    private static final int MAX_BURST = 256;
    /** How often a stream asks whether its token was revoked (a password change, disable, demotion, deletion). */
    private static final Duration RECHECK = Duration.ofSeconds(2);
    private final BearerAuthentication bearer;
    private final Duration heartbeat;
    private final StalledWriteWatchdog stalls;
    private final StreamCounts counts;

    /** One encoded event, with the id a subscriber resumes after. */
    public record Frame(String id, byte[] bytes) {
    }

    /** Where a stream's events come from; opened once the caller is authenticated, closed when the stream ends. */
    public interface Source extends AutoCloseable {
        /** The next event, or empty if none came within {@code timeout}. */
        Optional<Frame> next(Duration timeout) throws InterruptedException;

        default boolean overflowed() {
            return false;
        }

        /** Present when the resume id named events no longer kept: the stream carries on live from this id. */
        default Optional<String> restartedAt() {
            return Optional.empty();
        }

        @Override
        void close();
    }

    public interface Opener {
        Source open();
    }

    public EventStream(BearerAuthentication bearer, Duration heartbeat, StalledWriteWatchdog stalls, StreamCounts counts) {
        this.bearer = bearer;
        this.heartbeat = heartbeat;
        this.stalls = stalls;
        this.counts = counts;
    }

    /** The id to resume after: {@code Last-Event-ID} (an EventSource reconnecting), else {@code ?since=}. */
    public static Optional<String> resumeId(ServerRequest req) {
        return req.headers().first(LAST_EVENT_ID).filter(id -> !id.isBlank()).or(() -> HttpJson.query(req, "since"));
    }

    /** The last event of a stream that ends on the server's side, and why. */
    private record Ending(String event, String reason, StreamCounts.End counted) {
    }

    // An account that cannot be read now ends the stream too (fail closed), with the event that makes its client
    // reconnect with the same token after its retry delay, rather than ask for a login that would fail alike.
    private Optional<Ending> revoked(Principal actor) {
        try {
            return bearer.stillValid(actor) ? Optional.empty() : Optional.of(new Ending("reauthenticate", "token revoked", StreamCounts.End.TOKEN_REVOKED));
        } catch (ServiceUnavailableException outage) {
            return Optional.of(new Ending("reconnect", "the account cannot be checked right now", StreamCounts.End.ACCOUNT_UNCHECKED));
        }
    }

    /** The shortest of three waits, none below zero. */
    private static Duration shortest(Duration a, Duration b, Duration c) {
        Duration ab = a.compareTo(b) < 0 ? a : b;
        Duration abc = ab.compareTo(c) < 0 ? ab : c;
        return abc.isNegative() ? Duration.ZERO : abc;
    }

    public void serve(ServerResponse res, Principal actor, String name, Optional<String> resume, Opener opener) {
        StalledWriteWatchdog.Watch writes = stalls.watchThisThread();
        try (writes; Source source = opener.open()) {
            res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            res.header(HeaderNames.create("X-Accel-Buffering"), "no");
            try (OutputStream out = res.outputStream()) {
                SseWriter sse = new SseWriter(out, writes);
                sse.retry(RETRY);
                sse.comment(name);
                sse.flush();
                String lastId = resume.orElse("");
                if (source.restartedAt().isPresent()) {
                    lastId = source.restartedAt().get();
                    sse.event("restart", null, HttpJson.MAPPER.writeValueAsString(Map.of("reason",
                            "the events after the given id are no longer kept; carrying on live", "lastEventId", lastId)));
                    sse.flush();
                }
                follow(sse, actor, source, lastId);
            }
        } catch (IOException | UncheckedIOException clientGone) {
            // the subscriber disconnected (or the watchdog closed its socket): closing the source released its queue
            counts.ended(writes.fired() ? StreamCounts.End.STALLED : StreamCounts.End.CLIENT_GONE);
        } catch (InterruptedException interrupted) {
            if (writes.fired()) {
                counts.ended(StreamCounts.End.STALLED);
            } else {
                counts.ended(StreamCounts.End.SERVER_STOPPING);
                Thread.currentThread().interrupt();
            }
        }
    }

    private void follow(SseWriter sse, Principal actor, Source source, String lastId) throws IOException, InterruptedException {
        // The stream ends with its token: a token checked once would deliver for as long as the connection holds.
        Instant expiresAt = actor.claims().expiresAt();
        Instant recheckAt = Instant.now().plus(RECHECK);
        // A heartbeat is due a heartbeat after the last write, not at every wake-up: the token recheck wakes an idle
        // stream every 2 s, and writing then sent 7 comments where SSE_HEARTBEAT_SECONDS (15) asked for one.
        Instant heartbeatAt = Instant.now().plus(heartbeat);
        while (true) {
            Instant now = Instant.now();
            boolean expired = !now.isBefore(expiresAt);
            Optional<Ending> end = expired ? Optional.of(new Ending("reauthenticate", "token expired", StreamCounts.End.TOKEN_EXPIRED))
                    : now.isBefore(recheckAt) ? Optional.empty() : revoked(actor);
            if (end.isPresent()) {
                sse.event(end.get().event(), null, HttpJson.MAPPER.writeValueAsString(Map.of("reason", end.get().reason(), "lastEventId", lastId)));
                sse.flush();
                counts.ended(end.get().counted());
                return;
            }
            if (!now.isBefore(recheckAt)) {
                recheckAt = now.plus(RECHECK);
            }
            Optional<Frame> event = source.next(shortest(Duration.between(now, heartbeatAt), Duration.between(now, expiresAt),
                    Duration.between(now, recheckAt)));
            Instant woke = Instant.now();
            if (event.isEmpty() && !source.overflowed()) {
                if (woke.isBefore(heartbeatAt)) {
                    continue;
                }
                sse.comment("heartbeat");
            }
            heartbeatAt = woke.plus(heartbeat);
            // Whatever else is queued goes out in the same write. No wait for more to gather: the alerts of one pipeline
            // commit arrive together, and a subscriber the server is late to serve finds the next ones queued anyway. A
            // 20 ms wait here cost 40 ms of p50 (BENCHMARKS-LOG.md, 2026-11-30).
            for (int burst = 1; event.isPresent(); burst++) {
                sse.write(event.get().bytes());
                lastId = event.get().id();
                event = burst < MAX_BURST ? source.next(Duration.ZERO) : Optional.empty();
            }
            if (source.overflowed()) {
                sse.event("reconnect", null, HttpJson.MAPPER.writeValueAsString(Map.of("reason", "subscriber too slow", "lastEventId", lastId)));
                sse.flush();
                counts.ended(StreamCounts.End.TOO_SLOW);
                return;
            }
            sse.flush();
        }
    }
}
