package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.token.TokenPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque random tokens remembered in memory; they honour the same policy checks as real JWTs: times in whole seconds,
 * five seconds of clock skew allowed.
 */
public final class InMemoryTokens implements TokenIssuer, TokenVerifier {
    private static final Duration SKEW = Duration.ofSeconds(5);
    private final TokenPolicy policy;
    private final Map<String, TokenClaims> issued = new ConcurrentHashMap<>();

    public InMemoryTokens(TokenPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String issue(TokenClaims claims) {
        String token = "mem." + UUID.randomUUID();
        issued.put(token, new TokenClaims(claims.subject(), claims.name(), claims.lastname(), claims.email(), claims.role(),
                claims.issuer(), claims.audience(), claims.issuedAt().truncatedTo(ChronoUnit.SECONDS),
                claims.expiresAt().truncatedTo(ChronoUnit.SECONDS), claims.authTime().truncatedTo(ChronoUnit.SECONDS)));
        return token;
    }

    @Override
    public Optional<TokenClaims> verify(String token, Instant now) {
        return Optional.ofNullable(issued.get(token))
                .filter(c -> c.issuer().equals(policy.issuer()) && c.audience().equals(policy.audience()))
                .filter(c -> !now.plus(SKEW).isBefore(c.issuedAt()) && now.minus(SKEW).isBefore(c.expiresAt()));
    }
}
