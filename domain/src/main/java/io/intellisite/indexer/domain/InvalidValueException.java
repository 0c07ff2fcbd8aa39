package io.intellisite.indexer.domain;

/** A value does not satisfy its constructor's rules. */
public final class InvalidValueException extends DomainException {
    public InvalidValueException(String message) {
        super(message);
    }
}
