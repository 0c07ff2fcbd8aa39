package io.intellisite.indexer.application.service;

import io.intellisite.indexer.application.port.in.alert.TooManyAlertStreamsException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of a thing this instance holds at once, and how many of them one caller may: reserved, then released.
 * Shared by the services of several features (alert streams, live statistics streams).
 */
public final class Quota {
    private final String what;
    private final int perInstance;
    private final int perCaller;
    private final AtomicInteger held = new AtomicInteger();
    private final Map<String, Integer> heldByCaller = new ConcurrentHashMap<>();

    public Quota(String what, int perInstance, int perCaller) {
        if (perInstance < 1 || perCaller < 1) {
            throw new IllegalArgumentException(what + " limits must be at least 1");
        }
        this.what = what;
        this.perInstance = perInstance;
        this.perCaller = perCaller;
    }

    public void reserve(String caller) {
        if (held.incrementAndGet() > perInstance) {
            held.decrementAndGet();
            throw new TooManyAlertStreamsException("this instance serves as many " + what + " as it may; retry later", false);
        }
        if (heldByCaller.merge(caller, 1, Integer::sum) > perCaller) {
            release(caller);
            throw new TooManyAlertStreamsException("you hold " + perCaller + " " + what + ", as many as one caller may;"
                    + " close one first", true);
        }
    }

    public void release(String caller) {
        heldByCaller.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
        held.decrementAndGet();
    }
}
