package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.AuthenticationFailedException;
import io.intellisite.indexer.application.port.in.user.LogInUseCase.IssuedToken;
import io.intellisite.indexer.application.port.in.user.RenewTokenUseCase;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.token.TokenPolicy;
import io.intellisite.indexer.domain.user.Username;
import java.time.Clock;
import java.time.Instant;

public final class RenewTokenService implements RenewTokenUseCase {
    private final UserRepository users;
    private final SessionTokens tokens;
    private final Clock clock;

    private RenewTokenService(UserRepository users, SessionTokens tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    public static RenewTokenService over(UserRepository users, TokenIssuer issuer, TokenPolicy policy, Clock clock) {
        return new RenewTokenService(users, new SessionTokens(users, issuer, policy), clock);
    }

    // The caller's token was checked against its account on the way in (AuthenticateUseCase): a revoked, expired or
    // disabled one never gets here. What is left to refuse is a session past its end.
    @Override
    public IssuedToken renew(Principal actor) {
        Instant now = clock.instant();
        Instant authTime = actor.claims().authTime();
        if (!now.isBefore(tokens.sessionEnd(authTime))) {
            throw new AuthenticationFailedException("session over: log in again");
        }
        UserRepository.UserLogin login;
        try {
            login = users.findByUsername(new Username(actor.username())).filter(l -> l.credential().active())
                    .orElseThrow(() -> new AuthenticationFailedException("invalid token"));
        } catch (StoreBusyException outage) {
            throw SessionTokens.unavailable(outage);
        }
        return tokens.issue(login, now, authTime);
    }
}
