package io.intellisite.indexer.application.port.in;

import io.intellisite.indexer.domain.DomainException;

/** The caller is known but its role does not allow the action. */
public final class AccessDeniedException extends DomainException {
    public AccessDeniedException() {
        super("forbidden");
    }
}
