package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.AuthenticateUseCase;
import io.intellisite.indexer.application.port.in.user.AuthenticationFailedException;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import java.time.Clock;

public final class AuthenticateService implements AuthenticateUseCase {
    private final TokenVerifier verifier;
    private final Clock clock;

    public AuthenticateService(TokenVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Principal authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new AuthenticationFailedException("not authenticated");
        }
        return verifier.verify(bearerToken, clock.instant())
                .map(Principal::new)
                .orElseThrow(() -> new AuthenticationFailedException("invalid token"));
    }
}
