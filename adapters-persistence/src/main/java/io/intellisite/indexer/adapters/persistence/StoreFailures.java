package io.intellisite.indexer.adapters.persistence;

import io.intellisite.indexer.application.port.out.StoreBusyException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/** Tells "come back later" (no connection in time, a statement over its limit) from a fault of the request or the code. */
final class StoreFailures {
    /** PostgreSQL's code for a statement stopped by statement_timeout (a pool with no connection in time throws SQLTransientConnectionException). */
    private static final String QUERY_CANCELED = "57014";

    private StoreFailures() {
    }

    /** Runs {@code query}, turning a store that cannot answer now into {@link StoreBusyException}. */
    static <T> T busyIfUnavailable(Supplier<T> query) {
        try {
            return query.get();
        } catch (JdbiException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                throw new StoreBusyException("store unavailable: " + cause.getMessage(), e);
            }
            throw e;
        }
    }
}
