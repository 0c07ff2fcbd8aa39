package io.intellisite.indexer.adapters.http.sse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How alert streams end ({@code intellisite_sse_streams_ended_total{reason}}) and how resumes go
 * ({@code intellisite_sse_resumes_total{outcome}}): the subscriber gauge shows how many are open, not that
 * subscribers are being dropped as too slow or stalled, nor that clients stay away longer than alerts are kept
 * ({@code restarted}). Every series exists from the start, at 0, so a rule's first rate has one to read.
 */
public final class StreamCounts {
    /** Why a stream ended; the server ends all but {@link #CLIENT_GONE}. */
    enum End {
        /** The subscriber closed the connection (or the network did). */
        CLIENT_GONE,
        /** It fell further behind than the feed keeps: told to reconnect. */
        TOO_SLOW,
        /** Its socket took no bytes for the stalled-write timeout: cut. */
        STALLED,
        TOKEN_EXPIRED,
        TOKEN_REVOKED,
        /** Its account could not be rechecked (store down): told to reconnect. */
        ACCOUNT_UNCHECKED,
        SERVER_STOPPING
    }

    /** Outcome of a stream opened with Last-Event-ID or since. */
    public enum Resume {
        /** The missed alerts were sent, then live ones. */
        REPLAYED,
        /** The missed alerts were no longer kept: the stream went on live with an event saying so. */
        RESTARTED
    }

    private final Map<End, Counter> ends = new EnumMap<>(End.class);
    private final Map<Resume, Counter> resumes = new EnumMap<>(Resume.class);

    public StreamCounts(MeterRegistry registry) {
        for (End end : End.values()) {
            ends.put(end, Counter.builder("intellisite.sse.streams.ended")
                    .description("alert streams ended, by reason").tag("reason", label(end)).register(registry));
        }
        for (Resume resume : Resume.values()) {
            resumes.put(resume, Counter.builder("intellisite.sse.resumes")
                    .description("alert streams opened to resume, by outcome").tag("outcome", label(resume)).register(registry));
        }
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    void ended(End end) {
        ends.get(end).increment();
    }

    public void resumed(Resume outcome) {
        resumes.get(outcome).increment();
    }
}
