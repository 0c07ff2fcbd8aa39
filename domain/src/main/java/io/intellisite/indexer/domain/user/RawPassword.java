package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.InvalidValueException;

/** A password as typed; never printed, so it cannot leak into logs by accident. */
public final class RawPassword {
    public static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 1024;
    private final String value;

    private RawPassword(String value) {
        this.value = value;
    }

    /** A new password, held to the length policy. */
    public static RawPassword chosen(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            throw new InvalidValueException("password must be at least " + MIN_LENGTH + " characters");
        }
        return attempt(value);
    }

    /** A password offered at login; no policy, since older accounts may predate it. */
    public static RawPassword attempt(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("password must be at most " + MAX_LENGTH + " characters");
        }
        return new RawPassword(value);
    }

    public char[] chars() {
        return value.toCharArray();
    }

    @Override
    public String toString() {
        return "RawPassword[****]";
    }
}
