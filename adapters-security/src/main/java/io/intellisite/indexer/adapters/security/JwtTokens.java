package io.intellisite.indexer.adapters.security;

import io.helidon.common.Errors;
import io.helidon.common.configurable.Resource;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.Validator;
import io.helidon.security.jwt.jwk.Jwk;
import io.helidon.security.jwt.jwk.JwkKeys;
import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import io.intellisite.indexer.domain.DomainException;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.token.TokenPolicy;
import io.intellisite.indexer.domain.user.Role;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signs and verifies JWTs with helidon-security-jwt. Only the configured algorithm is ever accepted, so
 * {@code alg: none} and algorithm confusion (an HS256 token "signed" with an RSA public key) fail.
 */
public final class JwtTokens implements TokenIssuer, TokenVerifier {
    /** RFC 7518: an HMAC key must be at least as long as the hash output. */
    public static final int MIN_HS256_KEY_BYTES = 32;
    private static final Set<String> ALGORITHMS = Set.of("HS256", "RS256", "ES256");
    private final Jwk key;
    private final TokenPolicy policy;

    private JwtTokens(Jwk key, TokenPolicy policy) {
        this.key = key;
        this.policy = policy;
    }

    /** HS256 with a shared secret of at least 32 bytes. */
    public static JwtTokens hmac(String secret, TokenPolicy policy) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_HS256_KEY_BYTES) {
            throw new IllegalArgumentException("JWT_KEY must be at least " + MIN_HS256_KEY_BYTES + " bytes for HS256");
        }
        Jwk jwk = Jwk.create(Json.createObjectBuilder()
                .add("kty", "oct").add("alg", "HS256").add("kid", "hs256").add("use", "sig")
                .add("k", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).build());
        return new JwtTokens(jwk, policy);
    }

    /** RS256 or ES256 with the first key of a JWK set file that holds the private key. */
    public static JwtTokens jwkFile(Path file, String algorithm, TokenPolicy policy) {
        if (!ALGORITHMS.contains(algorithm) || algorithm.equals("HS256")) {
            throw new IllegalArgumentException("JWT_ALGO must be HS256, RS256 or ES256");
        }
        JwkKeys keys = JwkKeys.builder().resource(Resource.create(file)).build();
        Jwk jwk = keys.keys().stream().filter(k -> algorithm.equals(k.algorithm())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + algorithm + " key in " + file));
        return new JwtTokens(jwk, policy);
    }

    @Override
    public String issue(TokenClaims claims) {
        Jwt jwt = Jwt.builder()
                .algorithm(key.algorithm()).keyId(key.keyId()).type("JWT")
                .subject(claims.subject()).issuer(claims.issuer()).addAudience(claims.audience())
                .issueTime(claims.issuedAt()).notBefore(claims.issuedAt()).expirationTime(claims.expiresAt())
                .addPayloadClaim("name", claims.name()).addPayloadClaim("lastname", claims.lastname())
                .email(claims.email()).addPayloadClaim("role", claims.role().wireName())
                .addPayloadClaim("auth_time", claims.authTime().getEpochSecond())
                .build();
        return SignedJwt.sign(jwt, key).tokenContent();
    }

    @Override
    public Optional<TokenClaims> verify(String token, Instant now) {
        try {
            SignedJwt signed = SignedJwt.parseToken(token);
            Jwt jwt = signed.getJwt();
            if (!key.algorithm().equals(jwt.algorithm().orElse(""))) {
                return Optional.empty();
            }
            Errors signature = signed.verifySignature(JwkKeys.builder().addKey(key).build(), key);
            if (!signature.isValid()) {
                return Optional.empty();
            }
            List<Validator<Jwt>> validators = new ArrayList<>(Jwt.defaultTimeValidators(now, 5, ChronoUnit.SECONDS, true));
            Jwt.addIssuerValidator(validators, policy.issuer(), true);
            Jwt.addAudienceValidator(validators, policy.audience(), true);
            if (!jwt.validate(validators).isValid()) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(jwt.subject().orElse(null), text(jwt, "name"), text(jwt, "lastname"),
                    jwt.email().orElse(null), Role.fromWireName(text(jwt, "role")), jwt.issuer().orElse(null),
                    policy.audience(), jwt.issueTime().orElse(null), jwt.expirationTime().orElse(null),
                    authTime(jwt).or(jwt::issueTime).orElse(null)));
        } catch (RuntimeException malformed) {
            // Parse errors, bad Base64, missing or mistyped claims: all the same answer, no detail.
            return Optional.empty();
        }
    }

    // Tokens issued before sessions could be renewed have none: their session began when they were issued.
    private static Optional<Instant> authTime(Jwt jwt) {
        return jwt.payloadClaim("auth_time").map(value -> {
            if (value instanceof JsonNumber n) {
                return Instant.ofEpochSecond(n.longValueExact());
            }
            throw new DomainException("claim auth_time is not a number");
        });
    }

    private static String text(Jwt jwt, String claim) {
        JsonValue value = jwt.payloadClaim(claim).orElse(null);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new DomainException("claim " + claim + " missing");
    }
}
