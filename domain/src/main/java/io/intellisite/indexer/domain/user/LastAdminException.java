package io.intellisite.indexer.domain.user;

import io.intellisite.indexer.domain.DomainException;

/** The change would leave no enabled admin, and so nobody who could ever manage the accounts again. */
public final class LastAdminException extends DomainException {
    public LastAdminException() {
        super("the last enabled admin cannot be deleted, disabled or made a viewer");
    }
}
