package io.intellisite.indexer.domain.token;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import java.time.Duration;

/** Who issues tokens, for whom, and how long they live. */
public record TokenPolicy(String issuer, String audience, Duration lifetime) {
    public TokenPolicy {
        issuer = Require.text(issuer, "issuer", 200);
        audience = Require.text(audience, "audience", 200);
        Require.present(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new InvalidValueException("token lifetime must be positive");
        }
    }

    public static TokenPolicy ofMinutes(String issuer, String audience, long minutes) {
        return new TokenPolicy(issuer, audience, Duration.ofMinutes(minutes));
    }
}
