package io.intellisite.indexer.adapters.kafka.alerts;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Where the live feed has read the alerts topic to, and over how many partitions: moved by the feed thread, read by
 * subscribers as they join. A subscriber joins between two records, never while one is being appended, so its live
 * subscription starts exactly where its replay from Kafka ends: no gap, no alert twice.
 */
final class FeedPosition {
    // A lock, not synchronized: subscribers run on virtual threads, which Java 21 pins while they wait on a monitor.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition widened = lock.newCondition();
    private final AtomicInteger partitionsAsked = new AtomicInteger();
    private volatile AlertPosition position;

    FeedPosition(AlertPosition start) {
        this.position = start;
    }

    AlertPosition now() {
        return position;
    }

    /** Feed thread: past one more record; {@code append} (the record's alert into the ring, if any) in the same step. */
    void advance(AlertPosition after, Runnable append) {
        lock.lock();
        try {
            position = after;
            append.run();
        } finally {
            lock.unlock();
        }
    }

    /** Feed thread: it now follows {@code partitions} partitions. */
    void widenTo(int partitions) {
        lock.lock();
        try {
            position = position.widenedTo(partitions);
            widened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code join} between two records, given the position the subscriber joins at. */
    <T> T join(Function<AlertPosition, T> join) {
        lock.lock();
        try {
            return join.apply(position);
        } finally {
            lock.unlock();
        }
    }

    /** The most partitions a resuming subscriber asked for: the feed thread follows them at once when it has fewer. */
    int partitionsAsked() {
        return partitionsAsked.get();
    }

    /** Asks the feed thread to follow {@code wanted} partitions, and waits until it does, at most {@code timeout}. */
    void awaitPartitions(int wanted, Duration timeout, BooleanSupplier feedRunning) {
        partitionsAsked.accumulateAndGet(wanted, Math::max);
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (position.partitions() < wanted && feedRunning.getAsBoolean() && left > 0) {
                left = widened.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
