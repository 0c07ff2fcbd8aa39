package io.intellisite.indexer.adapters.kafka.recovery;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnstableOffsetCommitException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Ends a commit whose coordinator completed it though some of its partitions never got the commit marker. Kafka
 * 4.3.1's transaction coordinator drops from the markers it still has to write every partition that has no leader at
 * that instant, as if deleted ({@code TransactionMarkerChannelManager#addTxnMarkersToBrokerQueue}), and then completes
 * the transaction. A single broker restarted after a crash in the middle of a commit has no leader anywhere for about
 * a second (the controller fences its previous registration), and its coordinator retries the commit's markers in
 * that second. Which partitions then lack the marker depends on the instant of the crash:
 * <ul>
 * <li>only the group's offsets partition (the markers of the data partitions are written first; the data of a
 *     failed CrashSoakTest run showed it): those offsets stay pending, so the group's next owner cannot start
 *     (UNSTABLE_OFFSET_COMMIT), and aborting them, as {@code kafka-transactions.sh abort} would, runs that commit's
 *     records through the pipeline again (its dead letters came out twice). No admin request writes a commit marker;
 *     a transaction of the same transactional id over the same group's offsets does: its marker ends the producer's
 *     open transaction on that partition from its first offset, and the group coordinator commits every offset the
 *     producer left pending there;</li>
 * <li>the offsets partition and data partitions (the crash came before any marker): nothing of the commit is visible
 *     on the partitions looked at, so aborting it everywhere is as if it had never been committed, and the pipeline
 *     processes its records again, once. A commit marker there would need a record written to each;</li>
 * <li>data partitions only: reported. The producer's next commit that writes to such a partition ends the open
 *     transaction there as a commit, which is what its coordinator decided.</li>
 * </ul>
 * Drop this class once Kafka retries markers for a partition without a leader instead.
 */
final class UnfinishedCommit {
    private static final System.Logger LOG = System.getLogger(UnfinishedCommit.class.getName());
    private static final Duration ASK = HangingTransactions.ASK;
    private final KafkaCluster cluster;
    private final Admin admin;
    private final String group;
    private final TopicPartition unread;

    /**
     * {@code unread}: a partition the group never reads (one of the pipeline's output topics), to carry the offset
     * that adds the group's offsets partition to the finishing transaction; it is deleted from the group afterwards.
     */
    UnfinishedCommit(KafkaCluster cluster, Admin admin, String group, TopicPartition unread) {
        this.cluster = cluster;
        this.admin = admin;
        this.group = group;
        this.unread = unread;
    }

    /**
     * Ends what the commit of {@code transactionalId} left open on {@code open} (partitions looked at, each with the
     * producer and epoch the broker shows there); returns how many partitions it ended. Only a commit that is the
     * orphans' own is touched: the coordinator's epoch is theirs, or one more, as transactions v2 bump it at every end.
     */
    int end(String transactionalId, List<AbortTransactionSpec> open) throws Exception {
        TransactionDescription now = admin.describeTransactions(List.of(transactionalId)).description(transactionalId)
                .get(ASK.toSeconds(), TimeUnit.SECONDS);
        List<AbortTransactionSpec> own = now.state() != TransactionState.COMPLETE_COMMIT ? List.of() : open.stream()
                .filter(spec -> now.producerEpoch() == spec.producerEpoch() || now.producerEpoch() == spec.producerEpoch() + 1).toList();
        List<AbortTransactionSpec> offsets = own.stream().filter(spec -> spec.topicPartition().topic().equals(Topic.GROUP_METADATA_TOPIC_NAME)).toList();
        if (own.size() != open.size() || offsets.isEmpty()) {
            LOG.log(Level.ERROR, "a commit of " + transactionalId + " is open on " + open.stream().map(AbortTransactionSpec::topicPartition).toList()
                    + " though its coordinator completed it: not aborted, which could drop committed records;"
                    + " see kafka-transactions.sh describe-producers");
            return 0;
        }
        if (offsets.size() == own.size()) {
            LOG.log(Level.WARNING, "finishing a commit of " + transactionalId + " whose marker never reached " + offsets.getFirst().topicPartition()
                    + ", which holds the group's offsets");
            finish(transactionalId);
            return 1;
        }
        LOG.log(Level.WARNING, "aborting a commit of " + transactionalId + " whose markers reached none of " + own.stream()
                .map(AbortTransactionSpec::topicPartition).toList() + ": its records are processed again");
        for (AbortTransactionSpec spec : own) {
            admin.abortTransaction(spec).all().get(ASK.toSeconds(), TimeUnit.SECONDS);
        }
        return own.size();
    }

    /** Commits what {@code transactionalId} left pending in the group's offsets. Fences that producer's current epoch. */
    private void finish(String transactionalId) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.config(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ASK.toMillis())),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.sendOffsetsToTransaction(Map.of(unread, new OffsetAndMetadata(0,
                    "written to finish a commit whose marker Kafka left out; deleted after")), new ConsumerGroupMetadata(group));
            producer.commitTransaction();
        }
        awaitCommitted();
        try {
            admin.deleteConsumerGroupOffsets(group, Set.of(unread)).all().get(ASK.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            // Without DELETE on the group, the offset stays, pointing at a partition the group never reads.
            LOG.log(Level.WARNING, "could not delete the offset of " + unread + " from group " + group + ": " + e.getMessage());
        }
    }

    /**
     * A commit returns once its coordinator has decided, before the markers are written: until then the group's
     * offsets are pending, and an offset deleted meanwhile would come back with the marker.
     */
    private void awaitCommitted() throws Exception {
        long deadline = System.nanoTime() + ASK.toNanos();
        while (!committed()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the finishing commit's marker did not reach the group's offsets in " + ASK.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /** Whether the group's offset of {@code unread} is committed; pending, it is left out of the answer or refused. */
    private boolean committed() throws InterruptedException, TimeoutException {
        try {
            return admin.listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(unread))),
                            new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata(group)
                    .get(ASK.toSeconds(), TimeUnit.SECONDS).containsKey(unread);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnstableOffsetCommitException) {
                return false;
            }
            throw new IllegalStateException("cannot read the group's offsets: " + e.getCause().getMessage(), e);
        }
    }
}
