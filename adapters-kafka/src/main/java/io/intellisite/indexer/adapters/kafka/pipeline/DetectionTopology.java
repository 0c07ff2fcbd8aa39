package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.TopicNames;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.intellisite.indexer.adapters.kafka.windows.WindowedRuleProcessor;
import io.intellisite.indexer.application.port.in.rule.CountWindowedMatchesUseCase;
import io.intellisite.indexer.application.port.in.rule.EvaluateAlertRulesUseCase;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * detections → [parse, evaluate rules] → alerts (keyed by make, so one make stays in order) and dead letters
 * (the original bytes, with headers naming the reason and the source position); matches of windowed rules →
 * repartitioned by rule and group → [count in changelog-backed state] → alerts. The rules topic feeds a global
 * store on every instance, so a rule change applies everywhere without a restart. Indexing is done beside it by
 * the {@link DetectionIndexer}; see there why.
 */
public final class DetectionTopology {
    static final String SOURCE = "detections-source";
    static final String PROCESSOR = "parse-and-alert";
    static final String RULES_SOURCE = "rules-source";
    /** The repartition topic is {@code <application id>-window-matches-repartition}. */
    static final String WINDOW_MATCHES = "window-matches";
    static final String WINDOW_COUNTER = "count-windows";
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong windowMatches = new AtomicLong();
    private final AtomicLong lateMatches = new AtomicLong();
    private final Topology topology;

    /** The use cases decide alerts from {@code ruleTable}, which this topology keeps equal to the rules topic. */
    public DetectionTopology(TopicNames topics, EvaluateAlertRulesUseCase rules, CountWindowedMatchesUseCase windows,
                             GlobalAlertRuleTable ruleTable, TopicIds topicIds) {
        StreamsBuilder builder = new StreamsBuilder();
        // Persistent, though it holds a few rules, for what it does to the instance's identity: Kafka Streams
        // keeps its process id (and so the transactional ids of its producers) across restarts only when the
        // topology has a persistent store. Otherwise a restarted instance never fences the producer of the
        // one that crashed, and its own start waits until the crashed one's open transaction, still holding
        // pending offsets of the group, times out at its coordinator: 5 - 10 s after ready in CrashSoakTest,
        // and for good when that abort never completes (see recovery.HangingTransactions).
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GlobalAlertRuleTable.STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(), topics.rules(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(RULES_SOURCE), ruleTable::updater);
        builder.addStateStore(WindowedRuleProcessor.store());
        KStream<byte[], byte[]> parsed = builder.stream(topics.detections(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new DetectionProcessor(rules, topicIds, deadLetters), Named.as(PROCESSOR));
        parsed.to(topics.alerts(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(DetectionProcessor.ALERTS));
        parsed.to(topics.deadLetters(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(DetectionProcessor.DEAD_LETTERS));
        parsed.repartition(Repartitioned.<byte[], byte[]>as(WINDOW_MATCHES).withKeySerde(Serdes.ByteArray()).withValueSerde(Serdes.ByteArray()))
                .process(() -> new WindowedRuleProcessor(windows, windowMatches, lateMatches), Named.as(WINDOW_COUNTER), WindowedRuleProcessor.STORE)
                .to(topics.alerts(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("window-alerts-sink"));
        topology = builder.build();
    }

    /** The topics the pipeline's consumer group reads: the detections, and the windowed rules' repartition topic. */
    public static Set<String> inputTopics(TopicNames topics, String applicationId) {
        return Set.of(topics.detections(), repartitionTopic(applicationId));
    }

    /** The topics Kafka Streams makes for this topology, which its transactions write beside the output topics. */
    public static List<String> internalTopics(String applicationId) {
        return List.of(repartitionTopic(applicationId), applicationId + "-" + WindowedRuleProcessor.STORE + "-changelog");
    }

    private static String repartitionTopic(String applicationId) {
        return applicationId + "-" + WINDOW_MATCHES + "-repartition";
    }

    public Topology topology() {
        return topology;
    }

    /** Records sent to the dead-letter topic since start (a metric). */
    public long deadLetterCount() {
        return deadLetters.get();
    }

    /** Matches of windowed rules this instance's counting tasks took, late ones included, since start (a metric). */
    public long windowMatchCount() {
        return windowMatches.get();
    }

    /** Matches of windowed rules that came later than their rule's grace and were not counted, since start (a metric). */
    public long lateMatchCount() {
        return lateMatches.get();
    }
}
