package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.InvalidValueException;
import java.util.UUID;

/** A user's identity: a random (version 4) UUID. */
public record UserId(UUID value) {
    public UserId {
        if (value == null || value.version() != 4) {
            throw new InvalidValueException("user id must be a version 4 UUID");
        }
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
