package io.intellisite.indexer.adapters.kafka;

import io.intellisite.indexer.application.port.in.EvaluateAlertRulesUseCase;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/**
 * detections → [parse, evaluate rules] → alerts (keyed by make, so one make stays in order) and dead letters
 * (the original bytes, with headers naming the reason and the source position). Indexing is done beside it by
 * the {@link DetectionIndexer}; see there why.
 */
public final class DetectionTopology {
    static final String SOURCE = "detections-source";
    static final String PROCESSOR = "index-and-alert";
    static final String ALERTS_SINK = "alerts-sink";
    static final String DLQ_SINK = "dead-letter-sink";
    private final AtomicLong deadLetters = new AtomicLong();
    private final Topology topology;

    public DetectionTopology(TopicNames topics, EvaluateAlertRulesUseCase rules) {
        topology = new Topology()
                .addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.detections())
                .addProcessor(PROCESSOR, () -> new DetectionProcessor(rules, deadLetters), SOURCE)
                .addSink(ALERTS_SINK, topics.alerts(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR)
                .addSink(DLQ_SINK, topics.deadLetters(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
    }

    public Topology topology() {
        return topology;
    }

    /** Records sent to the dead-letter topic since start (a metric). */
    public long deadLetterCount() {
        return deadLetters.get();
    }
}
