package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.RawPassword;

/** A key derivation function for stored passwords. */
public interface PasswordHasher {
    PasswordHash hash(RawPassword password);

    /** Compares in constant time; accepts hashes made with an older cost. */
    boolean verify(RawPassword password, PasswordHash hash);
}
