package io.intellisite.indexer.application.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failures per key in fixed windows and, once a key reaches {@code maxFailures} in one, refuses it for a
 * back-off that doubles with each lockout in a row (a lockout within an hour of the last one) up to {@code maxLockout}.
 * Bounded: at most {@code maxKeys} keys, the least recently used leaving first, each a few counters, whatever
 * strangers send.
 */
final class FailureLimiter {
    private static final Duration STREAK = Duration.ofHours(1);
    private final int maxFailures;
    private final Duration window;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final Map<String, Count> entries;

    private static final class Count {
        Instant windowStart;
        int failures;
        Instant blockedUntil = Instant.MIN;
        int lockouts;
    }

    FailureLimiter(int maxFailures, Duration window, Duration firstLockout, Duration maxLockout, int maxKeys) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.entries = leastRecentlyUsed(maxKeys);
    }

    /** A map of at most {@code maxKeys} keys, the least recently used leaving first; not thread-safe. */
    static <V> Map<String, V> leastRecentlyUsed(int maxKeys) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How long {@code key} must still wait, if it must. */
    synchronized Optional<Duration> blockedFor(String key, Instant now) {
        Count e = entries.get(key);
        return e == null || !now.isBefore(e.blockedUntil) ? Optional.empty() : Optional.of(Duration.between(now, e.blockedUntil));
    }

    synchronized void failure(String key, Instant now) {
        Count e = entries.computeIfAbsent(key, k -> new Count());
        if (e.windowStart == null || !now.isBefore(e.windowStart.plus(window))) {
            e.windowStart = now;
            e.failures = 0;
        }
        if (++e.failures >= maxFailures) {
            e.lockouts = now.isBefore(e.blockedUntil.plus(STREAK)) ? e.lockouts + 1 : 1;
            Duration lockout = firstLockout.multipliedBy(1L << Math.min(e.lockouts - 1, 20));
            e.blockedUntil = now.plus(lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout);
            e.windowStart = null;
        }
    }

    synchronized void forget(String key) {
        entries.remove(key);
    }

    synchronized int size() {
        return entries.size();
    }
}
