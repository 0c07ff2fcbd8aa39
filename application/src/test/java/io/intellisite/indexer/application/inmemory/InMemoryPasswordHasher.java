package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.RawPassword;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A fast salted SHA-256 hasher: fine for tests, far too cheap for real passwords. */
public final class InMemoryPasswordHasher implements PasswordHasher {
    private final SecureRandom random = new SecureRandom();

    @Override
    public PasswordHash hash(RawPassword password) {
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        return new PasswordHash("test-sha256$" + b64(salt) + "$" + b64(digest(salt, password)));
    }

    @Override
    public boolean verify(RawPassword password, PasswordHash hash) {
        String[] parts = hash.encoded().split("\\$");
        if (parts.length != 3 || !parts[0].equals("test-sha256")) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[1]);
        return MessageDigest.isEqual(digest(salt, password), Base64.getDecoder().decode(parts[2]));
    }

    private static byte[] digest(byte[] salt, RawPassword password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(new String(password.chars()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
