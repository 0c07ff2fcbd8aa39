package io.intellisite.indexer.application.port.out;

/**
 * The store refused a batch for what it holds (a value it cannot keep), not for being unavailable: the same
 * batch would fail again on every retry, so the caller must find the detections at fault instead of waiting.
 */
public final class BatchRefusedException extends RuntimeException {
    public BatchRefusedException(String reason) {
        super(reason);
    }
}
