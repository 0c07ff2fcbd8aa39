package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Where a detection was read: topic, partition and offset, which identify it for good. */
public record SourcePosition(String topic, int partition, long offset) {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    public SourcePosition {
        topic = Require.text(topic, "topic", 249);
        if (partition < 0 || offset < 0) {
            throw new InvalidValueException("partition and offset must not be negative");
        }
    }

    /**
     * The detection's id, derived from its position, so that reading the same record again after a crash
     * yields the same id. It is the name-based (version 3) UUID of "topic/partition/offset", the value
     * {@link UUID#nameUUIDFromBytes} gives, computed without looking up a new MessageDigest for every record.
     */
    public UUID detectionId() {
        byte[] hash = MD5.get().digest((topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
