package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.security.JwtTokens;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import io.intellisite.indexer.domain.token.TokenPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** Builds the token signer from JWT_* settings, refusing weak or missing keys outside the demo. */
final class Security {
    private Security() {
    }

    static JwtTokens tokens(ProductSettings.Tokens settings, boolean demo) {
        TokenPolicy policy = settings.policy();
        String algorithm = settings.algorithm();
        var key = settings.key();
        switch (algorithm) {
            case "HS256" -> {
                if (key.isEmpty() && demo) {
                    System.err.println("WARNING: JWT_KEY is not set; this demo run signs tokens with a random key "
                            + "that changes at every start. Set JWT_KEY (32+ bytes) for real use.");
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return JwtTokens.hmac(Base64.getEncoder().encodeToString(random), policy);
                }
                if (key.isEmpty() || key.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < JwtTokens.MIN_HS256_KEY_BYTES) {
                    throw new StartupException("JWT_KEY", "an HS256 key of at least " + JwtTokens.MIN_HS256_KEY_BYTES + " bytes is required");
                }
                return JwtTokens.hmac(key.get(), policy);
            }
            case "RS256", "ES256" -> {
                Path file = Path.of(key.orElseThrow(() -> new StartupException("JWT_KEY", "the path of a JWK set file is required for " + algorithm)));
                if (!Files.isReadable(file)) {
                    throw new StartupException("JWT_KEY", "cannot read JWK set file " + file);
                }
                try {
                    return JwtTokens.jwkFile(file, algorithm, policy);
                } catch (RuntimeException e) {
                    throw new StartupException("JWT_KEY", "unusable JWK set " + file + ": " + Infrastructure.rootMessage(e));
                }
            }
            default -> throw new StartupException("JWT_ALGO", "must be HS256, RS256 or ES256, not " + algorithm);
        }
    }
}
