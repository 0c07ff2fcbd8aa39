package io.intellisite.indexer.application.port.in;

import io.intellisite.indexer.domain.DomainException;

/** The addressed thing does not exist (or no longer does). */
public final class NotFoundException extends DomainException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
