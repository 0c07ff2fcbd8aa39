package io.intellisite.indexer.application.port.in.rule;

import io.intellisite.indexer.domain.alert.Alert;
import io.intellisite.indexer.domain.alert.WindowKey;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Decides whether a detection raises an alert under the rules in force. */
public interface EvaluateAlertRulesUseCase {
    /**
     * The alert the detection raises, if any. {@code indexed} (its id and source) is asked for only when a
     * rule matches: most detections raise none, and this runs for every record.
     */
    Optional<Alert> evaluate(Detection detection, Supplier<IndexedDetection> indexed);

    /** The windows the detection counts in: it raises their alerts only together with others, where they are counted. */
    List<WindowKey> windowKeys(Detection detection);
}
