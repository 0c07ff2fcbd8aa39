package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.token.TokenPolicy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque random tokens remembered in memory; they honour the same policy checks as real JWTs. */
public final class InMemoryTokens implements TokenIssuer, TokenVerifier {
    private final TokenPolicy policy;
    private final Map<String, TokenClaims> issued = new ConcurrentHashMap<>();

    public InMemoryTokens(TokenPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String issue(TokenClaims claims) {
        String token = "mem." + UUID.randomUUID();
        issued.put(token, claims);
        return token;
    }

    @Override
    public Optional<TokenClaims> verify(String token, Instant now) {
        return Optional.ofNullable(issued.get(token))
                .filter(c -> c.issuer().equals(policy.issuer()) && c.audience().equals(policy.audience()))
                .filter(c -> !now.isBefore(c.issuedAt()) && now.isBefore(c.expiresAt()));
    }
}
