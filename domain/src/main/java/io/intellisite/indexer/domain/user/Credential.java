package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.Require;

/** One way for a user to log in: a username and a password hash, which can be deactivated. */
public record Credential(UserId userId, Username username, PasswordHash passwordHash, boolean active) {
    public Credential {
        Require.present(userId, "user id");
        Require.present(username, "username");
        Require.present(passwordHash, "password hash");
    }
}
