package io.intellisite.indexer.adapters.kafka.alerts;

import io.intellisite.indexer.application.model.AlertEvent;
import java.time.Duration;
import java.util.Map;
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
 *
 * <p>Readers park without a timeout, and one clock wakes those whose wait is over, at most {@link #TICK} late: a
 * virtual thread's timed park schedules and cancels its timeout on a shared timer queue, which cost 1 to 3 µs more
 * per wake-up than an untimed park (10,000 threads woken 10 times a second: 2.3 – 2.9 against 1.3 – 1.5 µs; 1,000
 * woken 5 times a second: 7.2 – 8.3 against 4.7 – 4.9; BENCHMARKS-LOG.md, 2026-12-03), on every alert delivered.
 * The waits it ends are a stream's heartbeat, token expiry and revocation check, which a tenth of a second late
 * does not change.
 */
final class AlertRing implements AutoCloseable {
    static final Duration TICK = Duration.ofMillis(100);
    private record Slot(long sequence, AlertEvent event) {
    }

    private final AtomicReferenceArray<Slot> slots;
    private final int capacity;
    private volatile long head;
    /** Each waiting reader, with the {@link System#nanoTime()} its wait ends at. */
    private final Map<Thread, Long> waiting = new ConcurrentHashMap<>();
    private final Thread clock;

    AlertRing(int capacity) {
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
        this.clock = Thread.ofVirtual().name("alert-ring-clock").start(this::tick);
    }

    private void tick() {
        try {
            while (true) {
                Thread.sleep(TICK);
                long now = System.nanoTime();
                waiting.forEach((reader, until) -> {
                    if (now - until >= 0) {
                        LockSupport.unpark(reader);
                    }
                });
            }
        } catch (InterruptedException closed) {
            // the feed closed
        }
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
        for (Thread reader : waiting.keySet()) {
            LockSupport.unpark(reader);
        }
    }

    /** The alert with this sequence number, or null when it was already overwritten (the reader overflowed). */
    AlertEvent at(long sequence) {
        Slot slot = slots.get((int) (sequence % capacity));
        return slot != null && slot.sequence() == sequence ? slot.event() : null;
    }

    /**
     * Returns when an alert at or after {@code sequence} may exist, or once {@link System#nanoTime()} reaches
     * {@code deadline} (at most a {@link #TICK} later); callers look again.
     */
    void await(long sequence, long deadline) throws InterruptedException {
        Thread reader = Thread.currentThread();
        // Listed before looking at head: an append after the look is followed by a signal that finds this reader,
        // and an unpark before the park makes the park return at once.
        waiting.put(reader, deadline);
        try {
            if (head <= sequence) {
                LockSupport.park(this);
            }
        } finally {
            waiting.remove(reader);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    @Override
    public void close() {
        clock.interrupt();
    }
}
