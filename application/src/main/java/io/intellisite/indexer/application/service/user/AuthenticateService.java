package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.in.user.AuthenticateUseCase;
import io.intellisite.indexer.application.port.in.user.AuthenticationFailedException;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import java.time.Clock;

public final class AuthenticateService implements AuthenticateUseCase {
    private final TokenVerifier verifier;
    private final AccountStatuses statuses;
    private final Clock clock;

    public AuthenticateService(TokenVerifier verifier, AccountStatuses statuses, Clock clock) {
        this.verifier = verifier;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public Principal authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new AuthenticationFailedException("not authenticated");
        }
        return verifier.verify(bearerToken, clock.instant())
                .map(Principal::new)
                .filter(this::stillValid)
                .orElseThrow(() -> new AuthenticationFailedException("invalid token"));
    }

    // A signature proves who issued the token, not that the account still agrees: deleted, disabled, demoted and
    // password-changed accounts revoke the tokens issued before.
    @Override
    public boolean stillValid(Principal principal) {
        if (!clock.instant().isBefore(principal.claims().expiresAt())) {
            return false;
        }
        try {
            return statuses.of(principal.username()).filter(status -> status.accepts(principal.claims())).isPresent();
        } catch (StoreBusyException outage) {
            // Fail closed, but as "come back later": the token may be fine, its account cannot be read now.
            throw new ServiceUnavailableException("accounts cannot be checked right now", outage);
        }
    }
}
