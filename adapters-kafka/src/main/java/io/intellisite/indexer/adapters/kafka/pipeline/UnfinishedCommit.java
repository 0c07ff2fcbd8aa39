package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the commit marker that Kafka 4.3.1 left out of a committed transaction on the partition of
 * {@code __consumer_offsets} that holds the group's offsets. Its transaction coordinator drops from the markers it
 * still has to write every partition that has no leader at that instant, as if deleted
 * ({@code TransactionMarkerChannelManager#addTxnMarkersToBrokerQueue}), and then completes the transaction. A single
 * broker restarted after a crash in the middle of a commit has no leader anywhere for about a second (the controller
 * fences its previous registration), and its coordinator retries the markers of that commit all through that second:
 * CrashSoakTest's data showed the commit marker written to the alerts and dead-letter partitions before the kill and
 * never to the offsets partition after it. Those offsets then stay pending, so the group's next owner cannot start
 * (UNSTABLE_OFFSET_COMMIT); aborting them, as {@code kafka-transactions.sh abort} would, runs that commit's records
 * through the pipeline again (its dead letters came out twice). No admin request writes a commit marker; a
 * transaction of the same transactional id over the same group's offsets does: its marker ends the producer's open
 * transaction on that partition from its first offset, and the group coordinator commits every offset the producer
 * left pending there. Drop this class once Kafka retries markers for a partition without a leader instead.
 */
final class UnfinishedCommit {
    private static final System.Logger LOG = System.getLogger(UnfinishedCommit.class.getName());
    private static final Duration ASK = Duration.ofSeconds(10);
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

    /** Commits what {@code transactionalId} left pending in the group's offsets. Fences that producer's current epoch. */
    void finish(String transactionalId) throws Exception {
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
        try {
            admin.deleteConsumerGroupOffsets(group, Set.of(unread)).all().get(ASK.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            // Without DELETE on the group, the offset stays, pointing at a partition the group never reads.
            LOG.log(Level.WARNING, "could not delete the offset of " + unread + " from group " + group + ": " + e.getMessage());
        }
    }
}
