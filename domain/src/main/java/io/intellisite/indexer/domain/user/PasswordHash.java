package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.Require;

/** A self-describing password hash (algorithm, cost, salt and hash in one string). */
public record PasswordHash(String encoded) {
    public PasswordHash {
        encoded = Require.text(encoded, "password hash", 512);
    }

    @Override
    public String toString() {
        return "PasswordHash[****]";
    }
}
