package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.List;
import java.util.Optional;
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

    /** The alert a detection raises under the given rules, if any rule matches. */
    public static Optional<Alert> raisedBy(IndexedDetection detection, AlertRules rules) {
        List<String> matched = rules.matchingIds(detection.detection());
        return matched.isEmpty() ? Optional.empty() : Optional.of(new Alert(detection.id(), detection, matched));
    }
}
