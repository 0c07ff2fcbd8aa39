package io.intellisite.indexer.adapters.security;

import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.RawPassword;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The JDK's PBKDF2-HMAC-SHA256, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so that the cost
 * can be raised later while hashes made at the old cost still verify.
 */
public final class Pbkdf2PasswordHasher implements PasswordHasher {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public Pbkdf2PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    public Pbkdf2PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    @Override
    public PasswordHash hash(RawPassword password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        return new PasswordHash(ALGORITHM + "$" + iterations + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(hash));
    }

    @Override
    public boolean verify(RawPassword password, PasswordHash stored) {
        String[] parts = stored.encoded().split("\\$");
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            return false;
        }
        try {
            int cost = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return cost > 0 && MessageDigest.isEqual(derive(password, salt, cost), expected);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(RawPassword password, byte[] salt, int iterations) {
        char[] chars = password.chars();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
