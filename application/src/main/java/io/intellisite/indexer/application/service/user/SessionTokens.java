package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.in.user.LogInUseCase.IssuedToken;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.token.TokenPolicy;
import io.intellisite.indexer.domain.user.User;
import java.time.Duration;
import java.time.Instant;

/** Issues the token of an account for a login or a renewal: one lifetime long, never past the end of its session. */
final class SessionTokens {
    private final UserRepository users;
    private final TokenIssuer issuer;
    private final TokenPolicy policy;

    SessionTokens(UserRepository users, TokenIssuer issuer, TokenPolicy policy) {
        this.users = users;
        this.issuer = issuer;
        this.policy = policy;
    }

    Instant sessionEnd(Instant authTime) {
        return authTime.plus(policy.session());
    }

    IssuedToken issue(UserRepository.UserLogin login, Instant now, Instant authTime) {
        User user = login.user();
        Instant issuedAt = issueTime(login, now);
        Instant lifetimeEnd = now.plus(policy.lifetime());
        Instant expiresAt = lifetimeEnd.isBefore(sessionEnd(authTime)) ? lifetimeEnd : sessionEnd(authTime);
        // auth_time is never after iat; only a clock stepped back since the login could make it so.
        TokenClaims claims = new TokenClaims(TokenClaims.SUBJECT_PREFIX + login.credential().username(),
                user.name(), user.lastname(), user.email().value(), user.role(),
                policy.issuer(), policy.audience(), issuedAt, expiresAt, authTime.isAfter(issuedAt) ? issuedAt : authTime);
        return new IssuedToken(issuer.issue(claims), Math.max(1, Duration.between(now, expiresAt).toSeconds()));
    }

    // Read fresh, not from a cache: a token issued just after a change of the account must be dated after it.
    private Instant issueTime(UserRepository.UserLogin login, Instant now) {
        try {
            return users.status(login.credential().username()).map(status -> AccountStatuses.issueTimeFor(status, now)).orElse(now);
        } catch (StoreBusyException outage) {
            throw unavailable(outage);
        }
    }

    static ServiceUnavailableException unavailable(StoreBusyException outage) {
        return new ServiceUnavailableException("accounts cannot be checked right now", outage);
    }
}
