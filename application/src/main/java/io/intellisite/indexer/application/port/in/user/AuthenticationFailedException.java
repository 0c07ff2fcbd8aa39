package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.domain.DomainException;

/** Wrong username, wrong password, or a token that does not verify; which one is never said. */
public final class AuthenticationFailedException extends DomainException {
    public AuthenticationFailedException(String message) {
        super(message);
    }
}
