package io.intellisite.indexer.adapters.kafka;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Asks Kafka Streams to commit at once when a processor forwards an alert after a quiet spell: the stream thread's
 * last alert before was a commit interval ago or more. An alert is readable only once its transaction commits, and
 * Streams commits every commit interval, but only when its thread comes back from a poll, which waits up to
 * {@code poll.ms} while no more records come: an alert that arrived within the interval of Streams' last commit (an
 * empty one, in an idle spell) waited for that poll. At 5/s that was one alert in thirty or so, 100 ms late (p99
 * 109 - 122 ms and max 155 against 40 - 47 in other runs of the same code; BENCHMARKS-LOG.md, 2026-12-03). Alerts
 * close behind another go with Streams' next commit, which the short poll (see DetectionPipeline) brings within the
 * interval; so a steady stream of alerts asks for no commit of its own. The quiet spell is the thread's, not one
 * task's: Streams commits all of a thread's tasks at once, and at 100/s over six tasks each task's alerts were 60 ms
 * apart, so every alert asked for a commit of its own (p99 94 ms against 80 without).
 */
public final class PromptCommits {
    /** The last alert forwarded on this stream thread, by any of its tasks. */
    private static final ThreadLocal<LastAlert> THREAD = ThreadLocal.withInitial(LastAlert::new);
    private final ProcessorContext<?, ?> context;
    private final long intervalMs;
    private final LastAlert shared;

    public PromptCommits(ProcessorContext<?, ?> context) {
        this(context, null);
    }

    /** With the last alert kept in {@code shared} instead of the calling thread's (tests). */
    PromptCommits(ProcessorContext<?, ?> context, LastAlert shared) {
        this.context = context;
        this.intervalMs = intervalOf(context.appConfigs());
        this.shared = shared;
    }

    static final class LastAlert {
        private long atMs = Long.MIN_VALUE;
    }

    private static long intervalOf(Map<String, Object> configs) {
        Object value = configs.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return value == null ? 0 : Long.parseLong(value.toString());
    }

    /** Called as an alert is forwarded, on the stream thread. */
    public void alertForwarded() {
        LastAlert last = shared != null ? shared : THREAD.get();
        long now = context.currentSystemTimeMs();
        if (last.atMs == Long.MIN_VALUE || now - last.atMs >= intervalMs) {
            context.commit();
        }
        last.atMs = now;
    }
}
