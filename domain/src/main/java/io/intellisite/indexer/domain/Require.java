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
        return trimmed;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field + " is required");
        }
        return value;
    }
}
