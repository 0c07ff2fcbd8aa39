package io.intellisite.indexer.application.port.in.alert;

import io.intellisite.indexer.domain.DomainException;

/**
 * No more alert streams for now: either this caller holds as many as one caller may, or this instance serves
 * as many as it may. Streams are released as subscribers disconnect, so the caller may retry soon.
 */
public final class TooManyAlertStreamsException extends DomainException {
    private final boolean callerLimit;

    public TooManyAlertStreamsException(String message, boolean callerLimit) {
        super(message);
        this.callerLimit = callerLimit;
    }

    /** True when it is this caller's share that is used up, false when it is the instance's. */
    public boolean callerLimit() {
        return callerLimit;
    }
}
