package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.token.AccountStatus;
import io.intellisite.indexer.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each account's status as the token checks of this instance read it: one repository read per account and second
 * at most, whatever the request rate, so a change on another instance counts here within {@link #MAX_AGE}, and a
 * change made here at once. Keys come from validly signed tokens only, so there are no more than accounts.
 */
public final class AccountStatuses {
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    private final UserRepository users;
    private final Clock clock;
    private final ConcurrentHashMap<String, Read> reads = new ConcurrentHashMap<>();

    private record Read(Optional<AccountStatus> status, Instant at) {
    }

    public AccountStatuses(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    Optional<AccountStatus> of(String username) {
        Instant now = clock.instant();
        String key = username.toLowerCase(Locale.ROOT);
        Read cached = reads.get(key);
        if (cached != null && now.isBefore(cached.at().plus(MAX_AGE))) {
            return cached.status();
        }
        // Read outside any lock of the map: two requests that miss together both read, which costs less than
        // holding a bin of the map (and every request hashed to it) for the time of a database round trip.
        Read fresh = new Read(users.status(new Username(username)), now);
        reads.put(key, fresh);
        return fresh.status();
    }

    /**
     * The instant from which an account's tokens count again after a change made now. JWTs state their issue time in
     * whole seconds, so this is the start of the next second: every token issued up to now stops counting, also one of
     * this same second; a login after the change dates its token at this instant (see {@link #issueTimeFor}).
     */
    Instant revokeNow() {
        reads.clear();
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /**
     * When a token issued now for an account says it was issued: now, or, within a second of a change, the instant its
     * tokens count from again (at most a second ahead, inside the five seconds of clock skew every check allows).
     */
    static Instant issueTimeFor(AccountStatus status, Instant now) {
        return now.isBefore(status.tokensValidAfter()) ? status.tokensValidAfter() : now;
    }
}
