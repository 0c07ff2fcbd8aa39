package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.domain.DomainException;
import java.time.Duration;

/** Too many failed logins for one username: the caller must wait before trying again. */
public final class TooManyLoginAttemptsException extends DomainException {
    private final Duration retryAfter;

    public TooManyLoginAttemptsException(Duration retryAfter) {
        super("too many failed login attempts");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
