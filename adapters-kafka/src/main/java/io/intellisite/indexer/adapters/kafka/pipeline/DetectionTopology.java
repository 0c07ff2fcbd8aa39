package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.application.port.in.rule.EvaluateAlertRulesUseCase;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * detections → [parse, evaluate rules] → alerts (keyed by make, so one make stays in order) and dead letters
 * (the original bytes, with headers naming the reason and the source position). The rules topic feeds a
 * global store on every instance, so a rule change applies everywhere without a restart. Indexing is done beside it by
 * the {@link DetectionIndexer}; see there why.
 */
public final class DetectionTopology {
    static final String SOURCE = "detections-source";
    static final String PROCESSOR = "parse-and-alert";
    static final String RULES_SOURCE = "rules-source";
    static final String RULES_UPDATER = "rules-updater";
    private final AtomicLong deadLetters = new AtomicLong();
    private final Topology topology;

    /** {@code rules} decides alerts from {@code ruleTable}, which this topology keeps equal to the rules topic. */
    public DetectionTopology(TopicNames topics, EvaluateAlertRulesUseCase rules, GlobalAlertRuleTable ruleTable, TopicIds topicIds) {
        topology = new Topology()
                // Persistent, though it holds a few rules, for what it does to the instance's identity: Kafka Streams
                // keeps its process id (and so the transactional ids of its producers) across restarts only when the
                // topology has a persistent store. Otherwise a restarted instance never fences the producer of the
                // one that crashed, and its own start waits until the crashed one's open transaction, still holding
                // pending offsets of the group, times out at its coordinator: 5 - 10 s after ready in CrashSoakTest,
                // and for good when that abort never completes (see HangingTransactions).
                .addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GlobalAlertRuleTable.STORE),
                                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                        RULES_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.rules(), RULES_UPDATER,
                        ruleTable::updater)
                .addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.detections())
                .addProcessor(PROCESSOR, () -> new DetectionProcessor(rules, topicIds, deadLetters), SOURCE)
                .addSink(DetectionProcessor.ALERTS, topics.alerts(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR)
                .addSink(DetectionProcessor.DEAD_LETTERS, topics.deadLetters(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
    }

    public Topology topology() {
        return topology;
    }

    /** Records sent to the dead-letter topic since start (a metric). */
    public long deadLetterCount() {
        return deadLetters.get();
    }
}
