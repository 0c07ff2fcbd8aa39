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
        Read read = reads.compute(username.toLowerCase(Locale.ROOT), (key, old) -> old != null && now.isBefore(old.at().plus(MAX_AGE))
                ? old : new Read(users.status(new Username(username)), now));
        return read.status();
    }

    /**
     * The instant from which an account's tokens count again after a change made now: JWTs state their issue time in
     * whole seconds, so this is the current second (a token issued earlier in that same second still counts).
     */
    Instant revokeNow() {
        reads.clear();
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
