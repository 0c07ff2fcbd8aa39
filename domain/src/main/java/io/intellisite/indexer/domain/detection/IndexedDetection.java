package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.Require;
import java.time.Instant;
import java.util.UUID;

/** A detection as stored: its stable id, source, detection time and the raw JSON it arrived as. */
public record IndexedDetection(UUID id, SourcePosition source, Instant detectedAt, Detection detection, String rawJson) {
    public IndexedDetection {
        Require.present(id, "id");
        Require.present(source, "source");
        Require.present(detectedAt, "detectedAt");
        Require.present(detection, "detection");
        Require.present(rawJson, "raw JSON");
    }

    public static IndexedDetection at(SourcePosition source, Instant detectedAt, Detection detection, String rawJson) {
        return new IndexedDetection(source.detectionId(), source, detectedAt, detection, rawJson);
    }
}
