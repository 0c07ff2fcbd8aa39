package io.intellisite.indexer.domain.token;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import java.time.Duration;

/**
 * Who issues tokens, for whom, how long each lives, and how long a session may go on by renewing them before its
 * password must be given again.
 */
public record TokenPolicy(String issuer, String audience, Duration lifetime, Duration session) {
    public TokenPolicy {
        issuer = Require.text(issuer, "issuer", 200);
        audience = Require.text(audience, "audience", 200);
        Require.present(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new InvalidValueException("token lifetime must be positive");
        }
        Require.present(session, "session");
        if (session.compareTo(lifetime) < 0) {
            throw new InvalidValueException("a session cannot be shorter than one token's lifetime");
        }
    }

    /** Tokens of {@code minutes}, in sessions of at most {@code sessionMinutes}. */
    public static TokenPolicy ofMinutes(String issuer, String audience, long minutes, long sessionMinutes) {
        return new TokenPolicy(issuer, audience, Duration.ofMinutes(minutes), Duration.ofMinutes(sessionMinutes));
    }

    /** Tokens of {@code minutes} that are never renewed past their first lifetime (tests, tools). */
    public static TokenPolicy ofMinutes(String issuer, String audience, long minutes) {
        return ofMinutes(issuer, audience, minutes, minutes);
    }
}
