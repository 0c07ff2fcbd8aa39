package io.intellisite.indexer.adapters.http.sse;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends alert streams whose subscriber stopped reading. A write to a client that reads nothing blocks once the socket
 * buffers are full, and {@code java.net.Socket} has no write timeout, so without this the handler, its socket and the
 * caller's stream slot stay taken for good. Interrupting a virtual thread blocked in a socket write closes that socket
 * (JEP 444), the one way out Helidon 4.2 leaves: its socket options have no write timeout (drop this class when they do).
 */
public final class StalledWriteWatchdog implements AutoCloseable {
    private static final long IDLE = Long.MIN_VALUE;
    private final long limitNanos;
    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sse-stalled-write-watchdog").factory());

    public StalledWriteWatchdog(Duration limit) {
        limitNanos = limit.toNanos();
        long periodMillis = Math.max(50, limit.toMillis() / 4);
        timer.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Watches the calling thread's writes until the handle is closed. */
    Watch watchThisThread() {
        Watch watch = new Watch(Thread.currentThread());
        watched.add(watch);
        return watch;
    }

    private void check() {
        long now = System.nanoTime();
        for (Watch watch : watched) {
            long since = watch.writingSince;
            if (since != IDLE && now - since > limitNanos && !watch.fired) {
                watch.fired = true;
                watch.thread.interrupt();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One stream's writes; {@link #writing()} and {@link #done()} bracket each write that may block. */
    final class Watch implements AutoCloseable {
        private final Thread thread;
        private volatile long writingSince = IDLE;
        private volatile boolean fired;

        private Watch(Thread thread) {
            this.thread = thread;
        }

        void writing() {
            writingSince = System.nanoTime();
        }

        void done() {
            writingSince = IDLE;
        }

        /** Whether this watchdog cut the stream (its interrupt is then not a shutdown). */
        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            watched.remove(this);
            if (fired) {
                Thread.interrupted(); // ours, not the server's: the connection ends here anyway
            }
        }
    }
}
