package io.intellisite.indexer.adapters.kafka.alerts;

import io.intellisite.indexer.application.model.AlertEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The last {@code capacity} alerts of this instance, in one array shared by every subscriber. The feed thread
 * alone appends (O(1), however many subscribers there are); each subscriber reads at its own pace from its own
 * sequence number, and has fallen too far behind once the slot it wants holds a newer alert. Waiting readers
 * are woken once per polled batch, not once per alert, all at once by the feed thread: through a latch they woke one
 * another in a chain, each waiting to be scheduled before the next was even told, and every timed-out wait walked the
 * latch's queue of a thousand waiters (JFR, 1,000 subscribers; BENCHMARKS-LOG.md, 2026-12-02).
 */
final class AlertRing {
    private record Slot(long sequence, AlertEvent event) {
    }

    private final AtomicReferenceArray<Slot> slots;
    private final int capacity;
    private volatile long head;
    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

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
        for (Thread reader : waiting) {
            LockSupport.unpark(reader);
        }
    }

    /** The alert with this sequence number, or null when it was already overwritten (the reader overflowed). */
    AlertEvent at(long sequence) {
        Slot slot = slots.get((int) (sequence % capacity));
        return slot != null && slot.sequence() == sequence ? slot.event() : null;
    }

    /** Returns when an alert at or after {@code sequence} may exist, or after {@code nanos}; callers look again. */
    void await(long sequence, long nanos) throws InterruptedException {
        Thread reader = Thread.currentThread();
        // Listed before looking at head: an append after the look is followed by a signal that finds this reader,
        // and an unpark before the park makes the park return at once.
        waiting.add(reader);
        try {
            if (head <= sequence) {
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            waiting.remove(reader);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
