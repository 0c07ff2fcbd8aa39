package io.intellisite.indexer.adapters.kafka.recovery;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;

/**
 * What the transaction coordinators say about producers found with a transaction open on a partition, by producer id.
 * A coordinator that has not loaded its log yet lists nothing and says so only while it loads: a broker that has just
 * become leader of a partition of {@code __transaction_state} answers for its data partitions before its coordinator
 * starts loading, and one that is down is not asked at all. Before a start, that silence is waited out (see
 * {@link #ask}), since the start itself makes the coordinator forget how the producer's last transaction ended.
 */
final class CoordinatorListing {
    private static final System.Logger LOG = System.getLogger(CoordinatorListing.class.getName());
    private static final Duration ASK_AGAIN = Duration.ofMillis(500);
    private final Admin admin;

    CoordinatorListing(Admin admin) {
        this.admin = admin;
    }

    /**
     * The coordinators' listing of {@code producerIds}, asked again every {@link #ASK_AGAIN} for up to
     * {@code whileUnlisted} while some of them are not listed. Any application's transactions are listed.
     */
    Map<Long, TransactionListing> ask(Set<Long> producerIds, Duration whileUnlisted) throws Exception {
        long deadline = System.nanoTime() + whileUnlisted.toNanos();
        boolean told = false;
        while (true) {
            Map<Long, TransactionListing> listed = list(producerIds);
            Set<Long> unlisted = unlisted(producerIds, listed);
            if (unlisted.isEmpty() || whileUnlisted.isZero()) {
                return listed;
            }
            if (System.nanoTime() - deadline >= 0) {
                LOG.log(Level.WARNING, "no transaction coordinator listed producer(s) " + unlisted + " in " + whileUnlisted.toSeconds()
                        + " s: their open transactions are left; once the pipeline has started, a coordinator lists its own"
                        + " as Empty and a later sweep aborts them, which doubles or drops what one had committed."
                        + " See kafka-transactions.sh describe-producers");
                return listed;
            }
            if (!told) {
                LOG.log(Level.INFO, "waiting up to " + whileUnlisted.toSeconds() + " s for a transaction coordinator to list producer(s) "
                        + unlisted + ", which left a transaction open, before the pipeline starts");
                told = true;
            }
            Thread.sleep(ASK_AGAIN.toMillis());
        }
    }

    private Map<Long, TransactionListing> list(Set<Long> producerIds) throws Exception {
        return admin.listTransactions(new ListTransactionsOptions().filterProducerIds(producerIds))
                .all().get(HangingTransactions.ASK.toSeconds(), TimeUnit.SECONDS).stream()
                .collect(Collectors.toMap(TransactionListing::producerId, l -> l, (a, b) -> a));
    }

    private static Set<Long> unlisted(Set<Long> producerIds, Map<Long, TransactionListing> listed) {
        Set<Long> unlisted = new TreeSet<>(producerIds);
        unlisted.removeAll(listed.keySet());
        return unlisted;
    }
}
