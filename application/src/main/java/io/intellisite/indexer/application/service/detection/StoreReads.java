package io.intellisite.indexer.application.service.detection;

import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import java.util.function.Supplier;

/** A read of the history the store gives up on (its reads' share taken, or too slow) is a 503 to come back to. */
final class StoreReads {
    private StoreReads() {
    }

    static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (StoreBusyException busy) {
            throw new ServiceUnavailableException("the database is busy with other reads; retry in a few seconds", busy);
        }
    }
}
