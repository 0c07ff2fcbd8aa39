package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A suspicious detection: its id is the detection's, so the same record always yields the same alert. A windowed
 * rule's alert names the {@code window} its detection completed (null for the others), and its id is made from the
 * detection's and the rule's, since one detection may complete the windows of several rules.
 */
public record Alert(UUID id, IndexedDetection detection, List<String> ruleIds, AlertWindow window) {
    public Alert {
        Require.present(id, "alert id");
        Require.present(detection, "detection");
        ruleIds = List.copyOf(ruleIds);
        if (ruleIds.isEmpty()) {
            throw new InvalidValueException("an alert needs at least one matching rule");
        }
        if (window != null && !ruleIds.equals(List.of(window.key().ruleId()))) {
            throw new InvalidValueException("a window's alert names its one rule");
        }
    }

    public Alert(UUID id, IndexedDetection detection, List<String> ruleIds) {
        this(id, detection, ruleIds, null);
    }

    /** The alert of the window {@code detection} completed. */
    public static Alert ofWindow(IndexedDetection detection, AlertWindow window) {
        byte[] rule = window.key().ruleId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer name = ByteBuffer.allocate(16 + rule.length).putLong(detection.id().getMostSignificantBits())
                .putLong(detection.id().getLeastSignificantBits()).put(rule);
        return new Alert(UUID.nameUUIDFromBytes(name.array()), detection, List.of(window.key().ruleId()), window);
    }
}
