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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private final ConcurrentHashMap<String, CompletableFuture<Read>> inFlight = new ConcurrentHashMap<>();

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
        // One read per account at a time, the others wait for it and share its answer or its failure (fail closed).
        // Ten thousand alert streams of one account recheck it every 2 s: when its entry expired they all missed at
        // once, and as many reads queued for the pool until they timed out and ended the streams (bench live,
        // 10,000 subscribers, 2026-12-02). Not under a lock of the map: that would hold a bin for a round trip.
        CompletableFuture<Read> mine = new CompletableFuture<>();
        CompletableFuture<Read> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running).status();
        }
        try {
            Read fresh = new Read(users.status(new Username(username)), now);
            reads.put(key, fresh);
            mine.complete(fresh);
            return fresh.status();
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static Read await(CompletableFuture<Read> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
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
