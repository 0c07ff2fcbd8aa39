package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.user.TooManyLoginAttemptsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Slows password guessing without letting a stranger lock an owner out (OWASP's authentication cheat sheet: throttle
 * by source and by account, back off rather than lock). Three counts of failed logins, per instance and in memory:
 * <ul>
 *   <li>one address on one account: 5 failures in a minute make that address wait before trying that account again,
 *       1 minute, doubling with each lockout in a row up to 15;</li>
 *   <li>one address on any accounts: 100 failures in a minute make it wait the same way for every account, so a flood
 *       of junk logins stops after 100 password checks instead of keeping the checks busy for everyone;</li>
 *   <li>one account from any addresses: 20 failures in 10 minutes (a guesser spread over many addresses) let an
 *       address that has not logged into it in the last 30 days try it once per 10 seconds, for 10 minutes,
 *       while the addresses its owner logged in from get in as before.</li>
 * </ul>
 * Bounded whatever strangers send: each count keeps at most {@link #MAX_KEYS} keys (the least recently used leave
 * first), a username that cannot be one (wrong length or characters, 1 MiB of junk) counts under one shared key.
 */
public final class LoginThrottle {
    static final int MAX_KEYS = 50_000;
    private static final Pattern POSSIBLE_USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    private static final Duration KNOWN_FOR = Duration.ofDays(30);
    private static final Duration SLOW_LANE = Duration.ofSeconds(10);
    private final Clock clock;
    private final FailureLimiter pairs = new FailureLimiter(5, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15), MAX_KEYS);
    private final FailureLimiter addresses = new FailureLimiter(100, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15), MAX_KEYS);
    private final FailureLimiter accounts = new FailureLimiter(20, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10), MAX_KEYS);
    // Per account: when an unknown address may next try it while it is under attack, and where its owner logged in.
    private final Map<String, Instant> slowLane = FailureLimiter.leastRecentlyUsed(MAX_KEYS);
    private final Map<String, Instant> knownAddresses = FailureLimiter.leastRecentlyUsed(MAX_KEYS);

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(clock);
    }

    /** Throws {@link TooManyLoginAttemptsException} (with how long to wait) when this attempt must not be checked. */
    public void checkAllowed(String username, String address) {
        Instant now = clock.instant();
        String account = account(username);
        Optional<Duration> wait = addresses.blockedFor(address, now).or(() -> pairs.blockedFor(pair(account, address), now));
        if (wait.isEmpty() && accounts.blockedFor(account, now).isPresent() && !known(account, address, now)) {
            wait = takeSlowLane(account, now);
        }
        wait.ifPresent(w -> {
            throw new TooManyLoginAttemptsException(w);
        });
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        String account = account(username);
        pairs.failure(pair(account, address), now);
        addresses.failure(address, now);
        accounts.failure(account, now);
    }

    public void recordSuccess(String username, String address) {
        String account = account(username);
        pairs.forget(pair(account, address));
        synchronized (knownAddresses) {
            knownAddresses.put(pair(account, address), clock.instant());
        }
    }

    /** How many keys the counts hold in all: what strangers can make this instance keep. */
    public int trackedKeys() {
        synchronized (slowLane) {
            synchronized (knownAddresses) {
                return pairs.size() + addresses.size() + accounts.size() + slowLane.size() + knownAddresses.size();
            }
        }
    }

    private Optional<Duration> takeSlowLane(String account, Instant now) {
        synchronized (slowLane) {
            Instant next = slowLane.getOrDefault(account, Instant.MIN);
            if (now.isBefore(next)) {
                return Optional.of(Duration.between(now, next));
            }
            slowLane.put(account, now.plus(SLOW_LANE));
            return Optional.empty();
        }
    }

    private boolean known(String account, String address, Instant now) {
        synchronized (knownAddresses) {
            Instant last = knownAddresses.get(pair(account, address));
            return last != null && now.isBefore(last.plus(KNOWN_FOR));
        }
    }

    /** Usernames are matched without regard to case; what cannot be a username shares one key. */
    static String account(String username) {
        return username != null && username.length() <= 64 && POSSIBLE_USERNAME.matcher(username).matches() ? username.toLowerCase(Locale.ROOT) : "";
    }

    private static String pair(String account, String address) {
        return account + " " + address;
    }
}
