package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.PromptCommits;
import io.intellisite.indexer.adapters.kafka.wire.AlertJson;
import io.intellisite.indexer.adapters.kafka.wire.DeadLetterHeaders;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.kafka.wire.WindowMatchRecord;
import io.intellisite.indexer.application.port.in.rule.EvaluateAlertRulesUseCase;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Parses each record, raises alerts for suspicious detections, and dead-letters what is not a detection. */
final class DetectionProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    /** The children this processor forwards to by name: the topology gives these names to its sinks. */
    static final String ALERTS = "alerts-sink";
    static final String DEAD_LETTERS = "dead-letter-sink";
    /** The first node of the repartition the topology puts before the windowed rules' counter. */
    static final String WINDOW_MATCHES = "window-matches-repartition-filter";
    /**
     * How old the topic id an alert's detection id is made from may be: a topic created again under the same name
     * gives the alerts of its first records this long the old topic's id (their stored detections never do).
     */
    private static final Duration TOPIC_ID_MAX_AGE = Duration.ofSeconds(1);
    private final EvaluateAlertRulesUseCase rules;
    private final TopicIds topicIds;
    private final AtomicLong deadLetters;
    private ProcessorContext<byte[], byte[]> context;
    private PromptCommits commits;

    DetectionProcessor(EvaluateAlertRulesUseCase rules, TopicIds topicIds, AtomicLong deadLetters) {
        this.rules = rules;
        this.topicIds = topicIds;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.commits = new PromptCommits(context);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        Detection detection;
        try {
            detection = DetectionJson.parse(record.value());
        } catch (DetectionJson.RejectedRecordException e) {
            deadLetters.incrementAndGet();
            context.forward(deadLetter(record, e, source), DEAD_LETTERS);
            return;
        }
        // Only a detection that raises an alert or counts in a window needs its id, so only then is its topic's id looked up.
        Supplier<SourcePosition> position = () -> new SourcePosition(source.topic(),
                topicIds.recent(source.topic(), TOPIC_ID_MAX_AGE), source.partition(), source.offset());
        Supplier<IndexedDetection> indexed = () -> DetectionJson.indexed(position.get(), record.timestamp(), record.value(), detection);
        rules.evaluate(detection, indexed).ifPresent(alert -> {
            context.forward(new Record<>(detection.make().getBytes(StandardCharsets.UTF_8), AlertJson.write(alert), record.timestamp()),
                    ALERTS);
            commits.alertForwarded();
        });
        List<WindowKey> windows = rules.windowKeys(detection);
        if (!windows.isEmpty()) {
            byte[] match = WindowMatchRecord.value(position.get(), record.value());
            for (WindowKey key : windows) {
                context.forward(new Record<>(WindowMatchRecord.key(key), match, record.timestamp()), WINDOW_MATCHES);
            }
        }
    }

    private static Record<byte[], byte[]> deadLetter(Record<byte[], byte[]> record, DetectionJson.RejectedRecordException e,
                                                     RecordMetadata source) {
        DeadLetterHeaders.DeadLetter letter = DeadLetterHeaders.deadLetter(record.key(), record.value(), record.headers(),
                e.reason().name(), e.getMessage(), source.topic(), source.partition(), source.offset());
        return new Record<>(letter.key(), letter.value(), record.timestamp(), letter.headers());
    }
}
