package io.intellisite.indexer.adapters.persistence;

import io.intellisite.indexer.application.port.out.BatchRefusedException;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Tells "come back later" (no connection in time, a statement over its limit) from a fault of the request or the code,
 * and a batch that can never be stored from one that may be on a retry.
 */
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

    /**
     * The batch's own fault, if it is one: SQLSTATE classes 22 (data exception) and 23 (integrity constraint
     * violation) depend on the rows sent, so the same batch fails the same way every time; every other failure
     * (connection, shutdown, disk, deadlock) may pass on a retry.
     */
    static Optional<BatchRefusedException> refusedForContent(JdbiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                String message = String.valueOf(sql.getMessage()).lines().findFirst().orElse("");
                return Optional.of(new BatchRefusedException("refused by PostgreSQL (SQLSTATE " + sql.getSQLState() + "): "
                        + (message.length() > 200 ? message.substring(0, 200) + "..." : message)));
            }
        }
        return Optional.empty();
    }
}
