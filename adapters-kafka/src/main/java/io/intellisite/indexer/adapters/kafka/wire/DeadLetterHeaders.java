package io.intellisite.indexer.adapters.kafka.wire;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The headers a dead letter carries: why it was rejected and where it came from. */
public final class DeadLetterHeaders {
    public static final String REASON = "dlq.reason";
    public static final String DETAIL = "dlq.detail";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** Set when the record was too large to copy: its size in bytes; read it at its source position instead. */
    public static final String OMITTED_BYTES = "dlq.omitted.bytes";

    /**
     * Largest dead letter we send: the producer's default max.request.size (1 MiB) less room for the batch. A
     * record whose copy would be larger goes without its key, value and headers.
     */
    public static final int MAX_COPY_BYTES = 1_040_000;
    /** Room kept for the dlq.* headers: the detail is one short sentence, the topic name at most 249 bytes. */
    static final int RESERVED_BYTES = 1_024;

    private DeadLetterHeaders() {
    }

    /**
     * The dead letter of a record: the record as it came, with headers saying why and from where. A record near
     * the broker's size limit no longer fits once those headers are added, and a send that fails fails on every
     * retry, stalling the partition behind it; such a copy carries only the headers and the size, and the record
     * itself stays readable at its source position. Both the pipeline and the indexer dead-letter through here.
     */
    public static DeadLetter deadLetter(byte[] key, byte[] value, Headers original, String reason, String detail, String topic,
                                 int partition, long offset) {
        int recordBytes = length(key) + length(value) + sizeOf(original);
        boolean fits = recordBytes + RESERVED_BYTES <= MAX_COPY_BYTES;
        Headers headers = of(fits ? original : new RecordHeaders(), reason, detail, topic, partition, offset);
        if (fits) {
            return new DeadLetter(key, value, headers);
        }
        headers.add(OMITTED_BYTES, bytes(String.valueOf(recordBytes)));
        return new DeadLetter(null, null, headers);
    }

    /** What goes to the dead-letter topic: key and value are null when the record was too large to copy. */
    public record DeadLetter(byte[] key, byte[] value, Headers headers) {
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static Headers of(Headers original, String reason, String detail, String topic, int partition, long offset) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(REASON, bytes(reason));
        headers.add(DETAIL, bytes(detail));
        headers.add(SOURCE_TOPIC, bytes(topic));
        headers.add(SOURCE_PARTITION, bytes(String.valueOf(partition)));
        headers.add(SOURCE_OFFSET, bytes(String.valueOf(offset)));
        return headers;
    }

    private static int sizeOf(Headers headers) {
        int size = 0;
        for (var header : headers) {
            // 10: the most two varint lengths can take for a header under 1 MiB.
            size += bytes(header.key()).length + (header.value() == null ? 0 : header.value().length) + 10;
        }
        return size;
    }

    public static String value(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
