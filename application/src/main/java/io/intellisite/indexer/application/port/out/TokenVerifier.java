package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.domain.token.TokenClaims;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a bearer token's signature, algorithm, time window, issuer and audience; empty when anything is
 * wrong, since the caller must not learn which check failed.
 */
public interface TokenVerifier {
    Optional<TokenClaims> verify(String token, Instant now);
}
