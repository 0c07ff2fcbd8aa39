package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.user.TooManyLoginAttemptsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed logins for one username within {@code window},
 * further attempts are refused for {@code lockout}. Kept per instance, in memory: a guesser spread over
 * instances gets at most that many tries per instance, which still defeats online guessing.
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
    }

    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(5, Duration.ofMinutes(1), Duration.ofMinutes(1), clock);
    }

    public void checkAllowed(String username) {
        Deque<Instant> times = failures.get(key(username));
        if (times == null) {
            return;
        }
        synchronized (times) {
            Instant now = clock.instant();
            if (times.size() >= maxFailures) {
                Instant lockedUntil = times.peekLast().plus(lockout);
                if (now.isBefore(lockedUntil)) {
                    throw new TooManyLoginAttemptsException(Duration.between(now, lockedUntil));
                }
                times.clear();
            }
        }
    }

    public void recordFailure(String username) {
        Deque<Instant> times = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.pollFirst();
            }
            times.addLast(now);
        }
    }

    public void recordSuccess(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
