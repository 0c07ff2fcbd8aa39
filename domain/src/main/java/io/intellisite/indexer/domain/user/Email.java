package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, normalised to lower case so uniqueness ignores case. */
public record Email(String value) {
    // Pragmatic syntax check (local@domain.tld); full RFC 5322 accepts addresses no mail system delivers.
    private static final Pattern SYNTAX =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    public Email {
        value = Require.text(value, "email", 254).toLowerCase(Locale.ROOT);
        if (!SYNTAX.matcher(value).matches()) {
            throw new InvalidValueException("email is not a valid address");
        }
    }
}
