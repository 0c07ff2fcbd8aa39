package io.intellisite.indexer.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.user.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every token issuer/verifier pair must do, configured for issuer "iss-test" and audience "aud-test". */
public abstract class TokenContract {
    protected static final String ISSUER = "iss-test";
    protected static final String AUDIENCE = "aud-test";
    protected static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    protected abstract TokenIssuer issuer();

    protected abstract TokenVerifier verifier();

    protected static TokenClaims claims(String issuer, String audience, Instant issuedAt, Duration lifetime) {
        return new TokenClaims("username:ann", "Ann", "Lee", "ann@example.com", Role.ADMIN, issuer, audience,
                issuedAt, issuedAt.plus(lifetime));
    }

    @Test
    void roundTripKeepsEveryClaim() {
        TokenClaims claims = claims(ISSUER, AUDIENCE, NOW, Duration.ofMinutes(30));
        String token = issuer().issue(claims);
        assertEquals(claims, verifier().verify(token, NOW.plusSeconds(60)).orElseThrow());
    }

    @Test
    void rejectsExpiredForeignIssuerForeignAudienceAndTruncatedTokens() {
        TokenVerifier verifier = verifier();
        String good = issuer().issue(claims(ISSUER, AUDIENCE, NOW, Duration.ofMinutes(30)));
        assertTrue(verifier.verify(good, NOW.plus(Duration.ofMinutes(31))).isEmpty(), "expired");
        assertTrue(verifier.verify(good.substring(0, good.length() - 3), NOW).isEmpty(), "truncated");
        assertTrue(verifier.verify("garbage", NOW).isEmpty(), "garbage");
        String otherIssuer = issuer().issue(claims("someone-else", AUDIENCE, NOW, Duration.ofMinutes(30)));
        assertTrue(verifier.verify(otherIssuer, NOW).isEmpty(), "issuer");
        String otherAudience = issuer().issue(claims(ISSUER, "other-app", NOW, Duration.ofMinutes(30)));
        assertTrue(verifier.verify(otherAudience, NOW).isEmpty(), "audience");
    }

    /** A login just after an account's change dates its token up to a second ahead (AccountStatuses.issueTimeFor). */
    @Test
    void issueTimesAreWholeSecondsAndMayBeAFewSecondsAhead() {
        String nearFuture = issuer().issue(claims(ISSUER, AUDIENCE, NOW.plusSeconds(1), Duration.ofMinutes(30)));
        assertEquals(NOW.plusSeconds(1), verifier().verify(nearFuture, NOW).orElseThrow().issuedAt());
        String farFuture = issuer().issue(claims(ISSUER, AUDIENCE, NOW.plusSeconds(60), Duration.ofMinutes(30)));
        assertTrue(verifier().verify(farFuture, NOW).isEmpty(), "issued a minute ahead");
        String fraction = issuer().issue(claims(ISSUER, AUDIENCE, NOW.plusMillis(700), Duration.ofMinutes(30)));
        assertEquals(NOW, verifier().verify(fraction, NOW.plusSeconds(1)).orElseThrow().issuedAt());
    }

    /** A renewed token keeps when its session began; one that never was renewed began when it was issued. */
    @Test
    void keepsWhenTheSessionBegan() {
        TokenClaims renewed = new TokenClaims("username:ann", "Ann", "Lee", "ann@example.com", Role.ADMIN, ISSUER, AUDIENCE,
                NOW, NOW.plusSeconds(600), NOW.minusSeconds(3_600));
        assertEquals(NOW.minusSeconds(3_600), verifier().verify(issuer().issue(renewed), NOW).orElseThrow().authTime());
        TokenClaims fresh = claims(ISSUER, AUDIENCE, NOW, Duration.ofMinutes(30));
        assertEquals(NOW, verifier().verify(issuer().issue(fresh), NOW).orElseThrow().authTime());
    }
}
