package io.intellisite.indexer.adapters.kafka.recovery;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * One step of a sweep for hanging transactions. Its failure is logged, not thrown, so that it does not skip the other
 * step (an ACL a managed cluster does not grant, a marker still in flight). Before a start, a transient failure is
 * tried again: a broker rejoining the cluster fails requests for a moment, and an orphan left to a sweep after the
 * start may no longer be told from a commit.
 */
final class SweepStep {
    private static final System.Logger LOG = System.getLogger(SweepStep.class.getName());
    private static final Duration AGAIN = Duration.ofMillis(500);

    /** What a step does: how many transactions it ended. */
    interface Action {
        int run() throws Exception;
    }

    private SweepStep() {
    }

    /** Runs {@code action}, again after a transient failure until {@code deadline} ({@link System#nanoTime()}); 0 when it fails. */
    static int run(String step, Action action, long deadline) {
        while (true) {
            try {
                return action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (Exception e) {
                if (!mayPassLater(e) || System.nanoTime() - deadline >= 0) {
                    LOG.log(Level.WARNING, "could not " + step + ": " + e.getMessage());
                    return 0;
                }
                LOG.log(Level.INFO, "could not " + step + " yet, trying again: " + e.getMessage());
                try {
                    Thread.sleep(AGAIN.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
        }
    }

    /**
     * A request that may pass when asked again: one Kafka calls retriable, one out of time, and the
     * IllegalArgumentException ("Unexpected key set") that Kafka 4.3.1's admin client throws from ListTransactions
     * while a broker rejoins (SkippedCommitMarkerTest hit it in 5 runs of 6).
     */
    private static boolean mayPassLater(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof RetriableException || cause instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException
                || cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).startsWith("Unexpected key set");
    }
}
