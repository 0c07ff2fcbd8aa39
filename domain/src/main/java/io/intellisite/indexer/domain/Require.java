package io.intellisite.indexer.domain;

/** Shared constructor checks, so every value object states its rules in one line each. */
public final class Require {
    private Require() {
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(field + " must be at most " + maxLength + " characters");
        }
        requireStorable(trimmed, field);
        return trimmed;
    }

    /*
     * Only what no store can hold faithfully: a NUL (PostgreSQL text refuses it, so one such record would fail
     * its whole batch again and again) and half a surrogate pair (not Unicode; it would be stored as '?'). Other
     * control characters stay data, as they were: rows stored with them must still read back.
     */
    private static void requireStorable(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                throw new InvalidValueException(field + " must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidValueException(field + " must be valid Unicode text");
            }
        }
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field + " is required");
        }
        return value;
    }
}
