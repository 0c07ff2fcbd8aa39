package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Where a detection was read: topic, partition and offset, which identify it for good. */
public record SourcePosition(String topic, int partition, long offset) {
    public SourcePosition {
        topic = Require.text(topic, "topic", 249);
        if (partition < 0 || offset < 0) {
            throw new InvalidValueException("partition and offset must not be negative");
        }
    }

    /**
     * The detection's id, derived from its position (a name-based UUID), so that reading the same record
     * again after a crash yields the same id and the insert is a no-op.
     */
    public UUID detectionId() {
        return UUID.nameUUIDFromBytes((topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
    }
}
