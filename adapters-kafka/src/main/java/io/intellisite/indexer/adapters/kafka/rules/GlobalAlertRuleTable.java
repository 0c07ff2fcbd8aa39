package io.intellisite.indexer.adapters.kafka.rules;

import io.intellisite.indexer.adapters.kafka.RecordLogContext;
import io.intellisite.indexer.adapters.kafka.wire.AlertRuleJson;
import io.intellisite.indexer.application.port.out.AlertRuleSource;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertRules;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The rules in force on this instance: the pipeline's global store of the rules topic, kept as one immutable
 * snapshot that the stream threads read on every record without locking. The global thread replaces the
 * snapshot after each change it applies, so a change reaches every instance as fast as it polls the topic.
 */
public final class GlobalAlertRuleTable implements AlertRuleSource {
    public static final String STORE = "alert-rules";
    private static final System.Logger LOG = System.getLogger(GlobalAlertRuleTable.class.getName());
    private final AtomicReference<AlertRules> current = new AtomicReference<>(AlertRules.NONE);

    @Override
    public AlertRules current() {
        return current.get();
    }

    public Processor<String, byte[], Void, Void> updater() {
        return new Updater();
    }

    /** {@code report}: log the rules that cannot be read (once at start; a new one is reported where it arrives). */
    private void reload(KeyValueStore<String, byte[]> store, boolean report) {
        List<AlertRule> rules = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                try {
                    rules.add(AlertRuleJson.read(entry.value));
                } catch (IllegalArgumentException e) {
                    if (report) {
                        LOG.log(Level.WARNING, "ignoring unreadable rule " + entry.key + " on the rules topic: " + e.getMessage());
                    }
                }
            }
        }
        current.set(new AlertRules(rules));
    }

    /** Applies each record of the rules topic (a tombstone deletes) and then republishes the snapshot. */
    private final class Updater implements Processor<String, byte[], Void, Void> {
        private KeyValueStore<String, byte[]> store;
        private ProcessorContext<Void, Void> context;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            store = context.getStateStore(STORE);
            // Restoring a global store at start may bypass process(): take what the store already holds.
            reload(store, true);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                reportIfUnreadable(record);
                store.put(record.key(), record.value());
            }
            reload(store, false);
        }

        private void reportIfUnreadable(Record<String, byte[]> record) {
            try {
                AlertRuleJson.read(record.value());
            } catch (IllegalArgumentException e) {
                var at = context.recordMetadata().orElseThrow();
                try (var line = RecordLogContext.of(at.topic(), at.partition(), at.offset())) {
                    LOG.log(Level.WARNING, "ignoring unreadable rule " + record.key() + " on the rules topic: " + e.getMessage());
                }
            }
        }
    }
}
