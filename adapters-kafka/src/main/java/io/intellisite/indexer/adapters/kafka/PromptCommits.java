package io.intellisite.indexer.adapters.kafka;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Asks Kafka Streams to commit at once when a processor forwards an alert after a quiet spell: its last alert before
 * was a commit interval ago or more. An alert is readable only once its transaction commits, and Streams commits every commit interval, but only
 * when its thread comes back from a poll, which waits up to {@code poll.ms} while no more records come: an alert that
 * arrived within the interval of Streams' last commit (an empty one, in an idle spell) waited for that poll. At 5/s
 * that was one alert in thirty or so, 100 ms late (p99 109 - 122 ms and max 155 against 40 - 47 in other runs of the
 * same code; BENCHMARKS-LOG.md, 2026-12-03). Alerts close behind another go with Streams' next commit, which the short
 * poll (see DetectionPipeline) brings within the interval; so a steady stream of alerts asks for no commit of its own.
 */
public final class PromptCommits {
    private final ProcessorContext<?, ?> context;
    private final long intervalMs;
    private long lastAlertMs = Long.MIN_VALUE;

    public PromptCommits(ProcessorContext<?, ?> context) {
        this.context = context;
        this.intervalMs = intervalOf(context.appConfigs());
    }

    private static long intervalOf(Map<String, Object> configs) {
        Object value = configs.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return value == null ? 0 : Long.parseLong(value.toString());
    }

    /** Called as an alert is forwarded. */
    public void alertForwarded() {
        long now = context.currentSystemTimeMs();
        if (lastAlertMs == Long.MIN_VALUE || now - lastAlertMs >= intervalMs) {
            context.commit();
        }
        lastAlertMs = now;
    }
}
