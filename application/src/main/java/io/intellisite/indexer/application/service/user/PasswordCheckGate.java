package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * At most a few password checks at once. Each check is a deliberately slow key derivation (about 0.1 s of a
 * core), so a flood of logins, even with wrong names, would otherwise take every core from the pipeline; a
 * login that finds no turn within the wait is told to retry instead of queueing without end.
 */
public final class PasswordCheckGate {
    private final Semaphore turns;
    private final Duration wait;

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
