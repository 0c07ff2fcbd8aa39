package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.InvalidValueException;
import java.util.Locale;

/** What a user may do: admins manage users (and rules), viewers only read. */
public enum Role {
    ADMIN, VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        if (name == null) {
            throw new InvalidValueException("role is required");
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "admin" -> ADMIN;
            case "viewer" -> VIEWER;
            default -> throw new InvalidValueException("role must be admin or viewer");
        };
    }
}
