package io.intellisite.indexer.adapters.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.contract.TokenContract;
import io.intellisite.indexer.application.port.out.TokenIssuer;
import io.intellisite.indexer.application.port.out.TokenVerifier;
import io.intellisite.indexer.domain.token.TokenPolicy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtTokensTest extends TokenContract {
    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    private static final TokenPolicy POLICY = TokenPolicy.ofMinutes(ISSUER, AUDIENCE, 30);
    private final JwtTokens tokens = JwtTokens.hmac(SECRET, POLICY);

    @Override
    protected TokenIssuer issuer() {
        return tokens;
    }

    @Override
    protected TokenVerifier verifier() {
        return tokens;
    }

    @Test
    void shortOrMissingHmacKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> JwtTokens.hmac("too-short", POLICY));
        assertThrows(IllegalArgumentException.class, () -> JwtTokens.hmac(null, POLICY));
    }

    @Test
    void unsignedTamperedNotYetValidAndForeignKeyTokensAreRejected() {
        String good = tokens.issue(claims(ISSUER, AUDIENCE, NOW, Duration.ofMinutes(30)));
        String[] parts = good.split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertTrue(tokens.verify(none, NOW).isEmpty(), "alg none");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"admin\"", "\"viewer\"");
        assertTrue(tokens.verify(parts[0] + "." + b64(payload) + "." + parts[2], NOW).isEmpty(), "tampered payload");
        assertTrue(tokens.verify(good, NOW.minus(Duration.ofMinutes(5))).isEmpty(), "not yet valid");
        String foreign = JwtTokens.hmac("another-secret-that-is-long-enough-for-it", POLICY)
                .issue(claims(ISSUER, AUDIENCE, NOW, Duration.ofMinutes(30)));
        assertTrue(tokens.verify(foreign, NOW).isEmpty(), "signed with another key");
    }

    @Test
    void rs256TokensVerifyAndAnHs256TokenSignedWithThePublicKeyIsRejected(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) pair.getPrivate();
        Path jwks = dir.resolve("keys.json");
        Files.writeString(jwks, """
                {"keys": [{"kty": "RSA", "alg": "RS256", "kid": "rs", "use": "sig", "n": "%s", "e": "%s", "d": "%s",
                  "p": "%s", "q": "%s", "dp": "%s", "dq": "%s", "qi": "%s"}]}""".formatted(
                big(pub.getModulus()), big(pub.getPublicExponent()), big(priv.getPrivateExponent()), big(priv.getPrimeP()),
                big(priv.getPrimeQ()), big(priv.getPrimeExponentP()), big(priv.getPrimeExponentQ()), big(priv.getCrtCoefficient())));
        JwtTokens rsa = JwtTokens.jwkFile(jwks, "RS256", POLICY);
        String good = rsa.issue(claims(ISSUER, AUDIENCE, NOW, Duration.ofMinutes(30)));
        assertTrue(rsa.verify(good, NOW).isPresent());
        // Algorithm confusion: HS256 "signed" with the RSA public key as the HMAC secret.
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"rs\"}");
        String body = good.split("\\.")[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pub.getEncoded(), "HmacSHA256"));
        String forged = header + "." + body + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((header + "." + body).getBytes(StandardCharsets.US_ASCII)));
        assertTrue(rsa.verify(forged, NOW).isEmpty(), "HS256 with the public key");
        assertTrue(tokens.verify(good, NOW).isEmpty(), "an RS256 token on an HS256 setup");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String big(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
