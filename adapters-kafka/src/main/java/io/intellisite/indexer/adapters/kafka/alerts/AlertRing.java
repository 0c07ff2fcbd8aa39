package io.intellisite.indexer.adapters.kafka.alerts;

import io.intellisite.indexer.application.model.AlertEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@code capacity} alerts of this instance, in one array shared by every subscriber. The feed thread
 * alone appends (O(1), however many subscribers there are); each subscriber reads at its own pace from its own
 * sequence number, and has fallen too far behind once the slot it wants holds a newer alert. Waiting readers
 * are woken once per polled batch, not once per alert.
 */
final class AlertRing {
    private record Slot(long sequence, AlertEvent event) {
    }

    private final AtomicReferenceArray<Slot> slots;
    private final int capacity;
    private volatile long head;
    private volatile CountDownLatch arrival = new CountDownLatch(1);

    AlertRing(int capacity) {
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    int capacity() {
        return capacity;
    }

    /** The sequence number the next appended alert will get. */
    long head() {
        return head;
    }

    /** Feed thread only. */
    void append(AlertEvent event) {
        long sequence = head;
        slots.set((int) (sequence % capacity), new Slot(sequence, event));
        head = sequence + 1;
    }

    /** Feed thread only: wakes every reader waiting for alerts after the last batch. */
    void signal() {
        CountDownLatch arrived = arrival;
        arrival = new CountDownLatch(1);
        arrived.countDown();
    }

    /** The alert with this sequence number, or null when it was already overwritten (the reader overflowed). */
    AlertEvent at(long sequence) {
        Slot slot = slots.get((int) (sequence % capacity));
        return slot != null && slot.sequence() == sequence ? slot.event() : null;
    }

    /** Returns when an alert at or after {@code sequence} exists, or after {@code nanos}. */
    void await(long sequence, long nanos) throws InterruptedException {
        // Take the latch before looking at head: an append after the look also counts this latch down.
        CountDownLatch arrived = arrival;
        if (head <= sequence) {
            arrived.await(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
