package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The window a windowed rule's alert completed: the rule, its group, and the detections counted, oldest first. */
public record AlertWindow(WindowKey key, RuleWindow window, Instant first, Instant last, List<UUID> detectionIds) {
    public AlertWindow {
        Require.present(key, "window key");
        Require.present(window, "window");
        Require.present(first, "first");
        Require.present(last, "last");
        detectionIds = List.copyOf(detectionIds);
        if (detectionIds.size() != window.count() || last.isBefore(first)) {
            throw new InvalidValueException("an alert's window holds the rule's count of detections, oldest first");
        }
    }

    public int count() {
        return detectionIds.size();
    }
}
