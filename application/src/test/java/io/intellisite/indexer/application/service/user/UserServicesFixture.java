package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.inmemory.InMemoryPasswordHasher;
import io.intellisite.indexer.application.inmemory.InMemoryTokens;
import io.intellisite.indexer.application.inmemory.InMemoryUserRepository;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.RegisterUserCommand;
import io.intellisite.indexer.domain.token.TokenPolicy;
import io.intellisite.indexer.application.testing.MutableClock;
import java.time.Instant;

/** The user use cases wired on in-memory adapters and a clock the tests move; one fresh set per test. */
abstract class UserServicesFixture {
    static final String HERE = "192.0.2.1";
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    final TokenPolicy policy = TokenPolicy.ofMinutes("iss", "aud", 30, 90);
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
    final InMemoryTokens tokens = new InMemoryTokens(policy);
    final LogInService logIn = new LogInService(users, hasher, tokens, policy, clock, LoginThrottle.standard(clock),
            PasswordCheckGate.allowing(0));
    final AccountStatuses statuses = new AccountStatuses(users, clock);
    final AuthenticateService authenticate = new AuthenticateService(tokens, statuses, clock);
    // A second instance on the same repository: its own cache of account statuses.
    final AuthenticateService otherInstance = new AuthenticateService(tokens, new AccountStatuses(users, clock), clock);
    final RegisterUserService register = new RegisterUserService(users, hasher);

    Principal admin() {
        new CreateFirstAdminService(users, hasher).createIfNoUserExists("admin", "admin");
        return authenticate.authenticate(logIn.logIn("admin", "admin", HERE).accessToken());
    }

    static RegisterUserCommand command(String username, String email) {
        return RegisterUserCommand.of("Name " + username, "Last", email, username,
                "password-" + username.substring(username.length() - 1), null);
    }
}
