package io.intellisite.indexer.application.port.in;

/** A part the action needs cannot be reached right now; nothing was changed, and the caller may retry. */
public final class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
