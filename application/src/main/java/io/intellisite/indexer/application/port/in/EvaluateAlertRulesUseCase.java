package io.intellisite.indexer.application.port.in;

import io.intellisite.indexer.domain.alert.Alert;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.Optional;

/** Decides whether a detection raises an alert under the rules in force. */
public interface EvaluateAlertRulesUseCase {
    Optional<Alert> evaluate(IndexedDetection detection);
}
