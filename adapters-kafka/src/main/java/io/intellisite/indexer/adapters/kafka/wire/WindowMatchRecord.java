package io.intellisite.indexer.adapters.kafka.wire;

import io.intellisite.indexer.domain.alert.RuleWindow;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A detection that matched a windowed rule, on its way to the task that counts its group: keyed by
 * {@code rule \n groupBy \n group} (rule ids hold no line break), so one group's matches meet in one partition. The
 * value is the detection's id, where it was read (its id is made from that) and its original bytes:
 * {@code id (16) | topic id (16) | partition (4) | offset (8) | topic length (2) | topic | detection}. Binary, not
 * headers: looking headers up by name decoded every header's name for every match, 5 % of the stream thread.
 */
public final class WindowMatchRecord {
    private static final int FIXED = 16 + 16 + 4 + 8 + 2;

    private WindowMatchRecord() {
    }

    public static byte[] key(WindowKey key) {
        return (key.ruleId() + '\n' + key.groupBy().wireName() + '\n' + key.group()).getBytes(StandardCharsets.UTF_8);
    }

    /** The key read back from its text: the counting store is keyed by the same text. */
    public static WindowKey key(String text) {
        int first = text.indexOf('\n');
        int second = text.indexOf('\n', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("not a window key");
        }
        String groupBy = text.substring(first + 1, second);
        return new WindowKey(text.substring(0, first), groupBy.equals("none") ? RuleWindow.GroupBy.NONE
                : RuleWindow.GroupBy.fromWireName(groupBy), text.substring(second + 1));
    }

    public static byte[] value(SourcePosition source, byte[] detection) {
        byte[] topic = source.topic().getBytes(StandardCharsets.UTF_8);
        UUID id = source.detectionId();
        return ByteBuffer.allocate(FIXED + topic.length + detection.length)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .putLong(source.topicId().getMostSignificantBits()).putLong(source.topicId().getLeastSignificantBits())
                .putInt(source.partition()).putLong(source.offset()).putShort((short) topic.length).put(topic).put(detection).array();
    }

    public static UUID detectionId(byte[] value) {
        ByteBuffer in = checked(value);
        return new UUID(in.getLong(0), in.getLong(8));
    }

    public static SourcePosition source(byte[] value) {
        ByteBuffer in = checked(value);
        int topicLength = Short.toUnsignedInt(in.getShort(44));
        return new SourcePosition(new String(value, FIXED, topicLength, StandardCharsets.UTF_8), new UUID(in.getLong(16), in.getLong(24)),
                in.getInt(32), in.getLong(36));
    }

    public static byte[] detection(byte[] value) {
        return Arrays.copyOfRange(value, FIXED + Short.toUnsignedInt(checked(value).getShort(44)), value.length);
    }

    private static ByteBuffer checked(byte[] value) {
        if (value == null || value.length < FIXED || value.length < FIXED + Short.toUnsignedInt(ByteBuffer.wrap(value).getShort(44))) {
            throw new IllegalArgumentException("not a window match");
        }
        return ByteBuffer.wrap(value);
    }
}
