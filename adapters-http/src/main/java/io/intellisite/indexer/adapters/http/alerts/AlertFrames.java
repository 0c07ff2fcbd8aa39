package io.intellisite.indexer.adapters.http.alerts;

import io.intellisite.indexer.adapters.http.sse.SseWriter;
import io.intellisite.indexer.application.model.AlertEvent;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The encoded SSE frame of each recent alert, so that ten thousand subscribers of one alert share one
 * encoding instead of making ten thousand. The alert feed hands every subscriber the same event object, so
 * identity is the key; a direct-mapped table needs no lock, and a collision only costs encoding again.
 */
final class AlertFrames {
    private record Entry(AlertEvent event, byte[] frame) {
    }

    private static final int SLOTS = 4096;
    private final AtomicReferenceArray<Entry> entries = new AtomicReferenceArray<>(SLOTS);

    byte[] frame(AlertEvent event) {
        int slot = System.identityHashCode(event) & (SLOTS - 1);
        Entry entry = entries.get(slot);
        if (entry != null && entry.event() == event) {
            return entry.frame();
        }
        byte[] frame = SseWriter.frame("alert", event.id(), event.json());
        entries.set(slot, new Entry(event, frame));
        return frame;
    }
}
