package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.InvalidValueException;
import java.util.regex.Pattern;

/** The name a credential logs in with. */
public record Username(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    public Username {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new InvalidValueException("username must be 3 to 64 characters of A-Z a-z 0-9 . _ -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
