package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.user.AuthenticationFailedException;
import io.intellisite.indexer.application.port.in.user.LogInUseCase;
import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.DomainException;
import io.intellisite.indexer.domain.token.TokenPolicy;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.RawPassword;
import io.intellisite.indexer.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class LogInService implements LogInUseCase {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionTokens tokens;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final PasswordCheckGate gate;
    // Verified against when the username is unknown, so both failures cost one KDF run (no enumeration by timing).
    private final PasswordHash decoy;

    public LogInService(UserRepository users, PasswordHasher hasher, TokenIssuer issuer, TokenPolicy policy,
                        Clock clock, LoginThrottle throttle, PasswordCheckGate gate) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = new SessionTokens(users, issuer, policy);
        this.clock = clock;
        this.throttle = throttle;
        this.gate = gate;
        this.decoy = hasher.hash(RawPassword.chosen("decoy-password-never-matches"));
    }

    @Override
    public IssuedToken logIn(String username, String password, String clientAddress) {
        throttle.checkAllowed(username, clientAddress);
        RawPassword attempt = RawPassword.attempt(password == null ? "" : password);
        Optional<UserRepository.UserLogin> login = find(username).filter(l -> l.credential().active());
        PasswordHash expected = login.map(l -> l.credential().passwordHash()).orElse(decoy);
        boolean ok = gate.check(clientAddress, () -> hasher.verify(attempt, expected)) && login.isPresent();
        if (!ok) {
            throttle.recordFailure(username, clientAddress);
            throw new AuthenticationFailedException("incorrect username or password");
        }
        throttle.recordSuccess(username, clientAddress);
        Instant now = clock.instant();
        return tokens.issue(login.get(), now, now);
    }

    private Optional<UserRepository.UserLogin> find(String username) {
        try {
            return users.findByUsername(new Username(username));
        } catch (DomainException malformedUsername) {
            return Optional.empty();
        } catch (StoreBusyException outage) {
            // Neither a success nor a failure for the throttle: the password was not checked.
            throw SessionTokens.unavailable(outage);
        }
    }
}
