package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.domain.DomainException;
import java.time.Duration;

/** Too many failed logins, or logins at once, from the caller: it must wait before trying again. */
public final class TooManyLoginAttemptsException extends DomainException {
    private final Duration retryAfter;

    public TooManyLoginAttemptsException(Duration retryAfter) {
        this(retryAfter, "too many failed login attempts");
    }

    public TooManyLoginAttemptsException(Duration retryAfter, String message) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
