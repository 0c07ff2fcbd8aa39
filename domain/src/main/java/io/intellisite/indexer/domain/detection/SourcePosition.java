package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Where a detection was read: the topic (its name and the id Kafka gave it when it was created), partition and
 * offset, which identify it for good. The name alone does not: a topic deleted and created again, or the same
 * name on another cluster, starts its offsets again from 0, and only its id tells the records apart.
 */
public record SourcePosition(String topic, UUID topicId, int partition, long offset) {
    /** The topic id of rows stored before topic ids were recorded, until they are adopted (see DetectionRepository). */
    public static final UUID UNRECORDED_TOPIC_ID = new UUID(0, 0);
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    public SourcePosition {
        topic = Require.text(topic, "topic", 249);
        Require.present(topicId, "topic id");
        if (partition < 0 || offset < 0) {
            throw new InvalidValueException("partition and offset must not be negative");
        }
    }

    /**
     * The detection's id, derived from its position, so that reading the same record again after a crash yields
     * the same id. It is the name-based (version 3) UUID of "topicId/partition/offset" (of "topic/partition/offset"
     * for a position from before topic ids were recorded, the ids stored then), the value
     * {@link UUID#nameUUIDFromBytes} gives, computed without looking up a new MessageDigest for every record.
     */
    public UUID detectionId() {
        String topicPart = topicId.equals(UNRECORDED_TOPIC_ID) ? topic : topicId.toString();
        byte[] hash = MD5.get().digest((topicPart + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
