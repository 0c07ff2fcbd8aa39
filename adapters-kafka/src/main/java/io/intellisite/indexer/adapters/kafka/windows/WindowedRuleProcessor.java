package io.intellisite.indexer.adapters.kafka.windows;

import io.intellisite.indexer.adapters.kafka.PromptCommits;
import io.intellisite.indexer.adapters.kafka.RecordLogContext;
import io.intellisite.indexer.adapters.kafka.wire.AlertJson;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.kafka.wire.PendingMatchesBytes;
import io.intellisite.indexer.adapters.kafka.wire.WindowMatchRecord;
import io.intellisite.indexer.application.port.in.rule.CountWindowedMatchesUseCase;
import io.intellisite.indexer.application.port.in.rule.CountWindowedMatchesUseCase.Counted;
import io.intellisite.indexer.domain.alert.PendingMatches;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Counts the matches of the windowed rules, each group in the task its key was repartitioned to, and forwards the
 * alerts they raise. A group's pending matches live in a store logged to a changelog, written in the same
 * transaction as the input's offsets and the alerts, so a crash, restart or rebalance resumes each window exactly.
 */
public final class WindowedRuleProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    public static final String STORE = "window-matches";
    private static final System.Logger LOG = System.getLogger(WindowedRuleProcessor.class.getName());
    /** How often, in stream time, the groups no window to come can use are forgotten. */
    private static final Duration SWEEP = Duration.ofMinutes(1);
    private final CountWindowedMatchesUseCase counter;
    private final AtomicLong matches;
    private final AtomicLong lateMatches;
    private ProcessorContext<byte[], byte[]> context;
    private PromptCommits commits;
    private KeyValueStore<String, byte[]> store;

    /** {@code matches} counts every match this processor took, {@code lateMatches} those too late to count. */
    public WindowedRuleProcessor(CountWindowedMatchesUseCase counter, AtomicLong matches, AtomicLong lateMatches) {
        this.counter = counter;
        this.matches = matches;
        this.lateMatches = lateMatches;
    }

    /**
     * The store, persistent and logged: its changelog is what a restarted or reassigned task resumes from. Cached,
     * so that the many writes to one group within a commit interval reach RocksDB and the changelog once, at the
     * commit, in its transaction.
     */
    public static StoreBuilder<KeyValueStore<String, byte[]>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.commits = new PromptCommits(context);
        store = context.getStateStore(STORE);
        context.schedule(SWEEP, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String storeKey;
        WindowKey key;
        UUID detectionId;
        try {
            storeKey = new String(record.key(), StandardCharsets.UTF_8);
            key = WindowMatchRecord.key(storeKey);
            detectionId = WindowMatchRecord.detectionId(record.value());
        } catch (RuntimeException e) {
            skip(e);
            return;
        }
        matches.incrementAndGet();
        // The detection is parsed again only for the match that fills a window: most only join their group.
        Counted counted;
        try {
            counted = counter.count(key, PendingMatchesBytes.read(store.get(storeKey)),
                    new PendingMatches.Match(record.timestamp(), detectionId), () -> reparse(record),
                    context.currentStreamTimeMs());
        } catch (IllegalArgumentException e) {
            skip(e);
            return;
        }
        if (counted.late()) {
            lateMatches.incrementAndGet();
            return;
        }
        save(storeKey, counted.pending());
        counted.alert().ifPresent(alert -> {
            context.forward(new Record<>(alert.detection().detection().make().getBytes(StandardCharsets.UTF_8),
                    AlertJson.write(alert), record.timestamp()));
            commits.alertForwarded();
        });
    }

    private static IndexedDetection reparse(Record<byte[], byte[]> record) {
        try {
            return DetectionJson.indexed(WindowMatchRecord.source(record.value()), record.timestamp(),
                    WindowMatchRecord.detection(record.value()));
        } catch (DetectionJson.RejectedRecordException e) {
            throw new IllegalArgumentException("not a detection: " + e.getMessage(), e);
        }
    }

    /** Only this topology writes the repartition topic; a record it cannot read is skipped, not a stop. */
    private void skip(RuntimeException e) {
        var at = context.recordMetadata().orElseThrow();
        try (var line = RecordLogContext.of(at.topic(), at.partition(), at.offset())) {
            LOG.log(Level.WARNING, "skipping a window match that cannot be read: " + e.getMessage());
        }
    }

    private void sweep(long streamTime) {
        // Changed after the iteration: a store's iterator is not promised to see writes made while it is open.
        Map<String, PendingMatches> changed = new HashMap<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                PendingMatches before = PendingMatchesBytes.read(entry.value);
                PendingMatches after;
                try {
                    after = counter.expire(WindowMatchRecord.key(entry.key), before, streamTime);
                } catch (RuntimeException unreadable) {
                    after = PendingMatches.NONE;
                }
                if (!after.equals(before)) {
                    changed.put(entry.key, after);
                }
            }
        }
        changed.forEach(this::save);
    }

    private void save(String key, PendingMatches pending) {
        if (pending.isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, PendingMatchesBytes.write(pending));
        }
    }
}
