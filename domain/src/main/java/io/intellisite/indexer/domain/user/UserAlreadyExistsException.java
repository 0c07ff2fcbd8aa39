package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.DomainException;

/** The username or e-mail is taken; which one is not said, to avoid account enumeration. */
public final class UserAlreadyExistsException extends DomainException {
    public UserAlreadyExistsException() {
        super("user already exists");
    }
}
