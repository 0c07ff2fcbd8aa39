package io.intellisite.indexer.application.port.out;

/**
 * A read the store gave up on because its share of the database is taken (no connection within its wait, or the
 * statement over its time limit): the caller should come back later, nothing is wrong with the request itself.
 */
public final class StoreBusyException extends RuntimeException {
    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
