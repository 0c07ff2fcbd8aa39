package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.in.user.TooManyLoginAttemptsException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * At most a few password checks at once. Each check is a deliberately slow key derivation (about 0.1 s of a
 * core), so a flood of logins, even with wrong names, would otherwise take every core from the pipeline; a
 * login that finds no turn within the wait is told to retry instead of queueing without end.
 */
public final class PasswordCheckGate {
    /** Password checks one client address may have running or waiting at once; more are refused at once (429). */
    static final int PER_ADDRESS = 1;
    private final Semaphore turns;
    private final Duration wait;
    // Entries live while their address has a check in flight, so there are no more than checks in flight.
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    public PasswordCheckGate(int concurrent, Duration wait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("at least one password check must be allowed at once");
        }
        this.turns = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    /** {@code concurrent} checks at once, or for 0 half the cores (at least one), with a 5 s wait. */
    public static PasswordCheckGate allowing(int concurrent) {
        return new PasswordCheckGate(concurrent == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : concurrent,
                Duration.ofSeconds(5));
    }

    /**
     * One address's checks wait their turn one at a time: a flood of logins from one source takes one place in the
     * queue, not all of them, so a login from elsewhere waits behind at most one of its checks.
     */
    boolean check(String address, BooleanSupplier passwordCheck) {
        if (inFlight.merge(address, 1, Integer::sum) > PER_ADDRESS) {
            leave(address);
            throw new TooManyLoginAttemptsException(Duration.ofSeconds(1), "a login from this address is being checked; retry in a second");
        }
        try {
            return check(passwordCheck);
        } finally {
            leave(address);
        }
    }

    private void leave(String address) {
        inFlight.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
    }

    boolean check(BooleanSupplier passwordCheck) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ServiceUnavailableException("too many logins at once; retry in a few seconds", null);
        }
        try {
            return passwordCheck.getAsBoolean();
        } finally {
            turns.release();
        }
    }
}
