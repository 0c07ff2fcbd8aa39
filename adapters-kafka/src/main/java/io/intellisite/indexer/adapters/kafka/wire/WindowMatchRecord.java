package io.intellisite.indexer.adapters.kafka.wire;

import io.intellisite.indexer.domain.alert.RuleWindow;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A detection that matched a windowed rule, on its way to the task that counts its group: keyed by
 * {@code rule \n groupBy \n group} (rule ids hold no line break), so one group's matches meet in one partition;
 * the value is the detection's original bytes, and headers carry where it was read, from which its id is made.
 */
public final class WindowMatchRecord {
    static final String TOPIC = "match.source.topic";
    static final String TOPIC_ID = "match.source.topic-id";
    static final String PARTITION = "match.source.partition";
    static final String OFFSET = "match.source.offset";

    private WindowMatchRecord() {
    }

    public static byte[] key(WindowKey key) {
        return (key.ruleId() + '\n' + key.groupBy().wireName() + '\n' + key.group()).getBytes(StandardCharsets.UTF_8);
    }

    public static WindowKey key(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int first = text.indexOf('\n');
        int second = text.indexOf('\n', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("not a window key");
        }
        String groupBy = text.substring(first + 1, second);
        return new WindowKey(text.substring(0, first), groupBy.equals("none") ? RuleWindow.GroupBy.NONE
                : RuleWindow.GroupBy.fromWireName(groupBy), text.substring(second + 1));
    }

    public static Headers headers(SourcePosition source) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TOPIC, bytes(source.topic()));
        headers.add(TOPIC_ID, bytes(source.topicId().toString()));
        headers.add(PARTITION, bytes(String.valueOf(source.partition())));
        headers.add(OFFSET, bytes(String.valueOf(source.offset())));
        return headers;
    }

    public static SourcePosition source(Headers headers) {
        return new SourcePosition(text(headers, TOPIC), UUID.fromString(text(headers, TOPIC_ID)),
                Integer.parseInt(text(headers, PARTITION)), Long.parseLong(text(headers, OFFSET)));
    }

    private static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        if (header == null) {
            throw new IllegalArgumentException("window match without " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
