package io.intellisite.indexer.adapters.kafka;

import io.intellisite.indexer.application.port.in.EvaluateAlertRulesUseCase;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Parses each record, raises alerts for suspicious detections, and dead-letters what is not a detection. */
final class DetectionProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private final EvaluateAlertRulesUseCase rules;
    private final AtomicLong deadLetters;
    private ProcessorContext<byte[], byte[]> context;

    DetectionProcessor(EvaluateAlertRulesUseCase rules, AtomicLong deadLetters) {
        this.rules = rules;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        Detection detection;
        try {
            detection = DetectionJson.parse(record.value());
        } catch (DetectionJson.RejectedRecordException e) {
            deadLetters.incrementAndGet();
            context.forward(deadLetter(record, e, source), DetectionTopology.DLQ_SINK);
            return;
        }
        Supplier<IndexedDetection> indexed = () -> DetectionJson.indexed(source.topic(), source.partition(),
                source.offset(), record.timestamp(), record.value(), detection);
        rules.evaluate(detection, indexed).ifPresent(alert -> context.forward(
                new Record<>(detection.make().getBytes(StandardCharsets.UTF_8), DetectionJson.alert(alert), record.timestamp()),
                DetectionTopology.ALERTS_SINK));
    }

    /**
     * The record as it came, with headers saying why and from where. A record near the broker's size limit no
     * longer fits once those headers are added, and a send that fails fails the task on every retry; such a copy
     * carries only the headers and the size, and the record itself stays readable at its source position.
     */
    private static Record<byte[], byte[]> deadLetter(Record<byte[], byte[]> record, DetectionJson.RejectedRecordException e,
                                                     RecordMetadata source) {
        int recordBytes = length(record.key()) + length(record.value()) + DeadLetterHeaders.sizeOf(record.headers());
        boolean fits = recordBytes + DeadLetterHeaders.RESERVED_BYTES <= DeadLetterHeaders.MAX_COPY_BYTES;
        Headers headers = DeadLetterHeaders.of(fits ? record.headers() : new RecordHeaders(), e.reason().name(),
                e.getMessage(), source.topic(), source.partition(), source.offset());
        if (fits) {
            return record.withHeaders(headers);
        }
        headers.add(DeadLetterHeaders.OMITTED_BYTES, String.valueOf(recordBytes).getBytes(StandardCharsets.UTF_8));
        return new Record<>(null, null, record.timestamp(), headers);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
