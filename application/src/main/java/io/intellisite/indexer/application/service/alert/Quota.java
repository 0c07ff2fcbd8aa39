package io.intellisite.indexer.application.service.alert;

import io.intellisite.indexer.application.port.in.alert.TooManyAlertStreamsException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How many of a thing this instance holds at once, and how many of them one caller may: reserved, then released. */
final class Quota {
    private final String what;
    private final int perInstance;
    private final int perCaller;
    private final AtomicInteger held = new AtomicInteger();
    private final Map<String, Integer> heldByCaller = new ConcurrentHashMap<>();

    Quota(String what, int perInstance, int perCaller) {
        if (perInstance < 1 || perCaller < 1) {
            throw new IllegalArgumentException(what + " limits must be at least 1");
        }
        this.what = what;
        this.perInstance = perInstance;
        this.perCaller = perCaller;
    }

    void reserve(String caller) {
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

    void release(String caller) {
        heldByCaller.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
        held.decrementAndGet();
    }
}
