package io.intellisite.indexer.domain;

/** Base of every business rule violation; its message is safe to show to a client. */
public class DomainException extends RuntimeException {
    public DomainException(String message) {
        super(message);
    }
}
