package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.List;
import java.util.UUID;

/** A suspicious detection: its id is the detection's, so the same record always yields the same alert. */
public record Alert(UUID id, IndexedDetection detection, List<String> ruleIds) {
    public Alert {
        Require.present(id, "alert id");
        Require.present(detection, "detection");
        ruleIds = List.copyOf(ruleIds);
        if (ruleIds.isEmpty()) {
            throw new InvalidValueException("an alert needs at least one matching rule");
        }
    }
}
