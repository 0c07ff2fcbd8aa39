package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.pipeline.HangingTransactions;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.embedded.FreePort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka 4.3.1's bug that doubled dead letters in a CrashSoakTest run, made on purpose: a single broker killed right
 * after it accepted a commit of a group's offsets, before it wrote the commit marker, comes back with no leader for
 * about a second, its transaction coordinator drops the marker it retries in that second and completes the commit.
 * The offsets stay pending (the group cannot start: UNSTABLE_OFFSET_COMMIT). The instance's sweep must finish that
 * commit (the offsets committed as the coordinator decided), not abort it (the records processed again).
 */
class SkippedCommitMarkerTest {
    private static final int PARTITIONS = 300;
    private static final int ATTEMPTS = 4;

    @Test
    void aCommitWhoseOffsetsMarkerTheBrokerSkippedIsFinishedAsACommit(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        int port = FreePort.pick();
        String broker = "127.0.0.1:" + port;
        Path data = dir.resolve("kafka");
        Path log = dir.resolve("broker.log");
        String run = "skipped" + System.nanoTime();
        long committed = 1_000;
        BrokerProcess process = BrokerProcess.start(data, port, log, true);
        try {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker))) {
                // Many partitions: the restarted broker takes longer to apply the fencing of its previous self, the window
                // in which its coordinator sees the partitions without a leader and has not been told to step down yet.
                admin.createTopics(List.of(new NewTopic(run + ".detections", 1, (short) 1), new NewTopic(run + ".alerts", 1, (short) 1),
                        new NewTopic(run + ".ballast", PARTITIONS, (short) 1))).all().get();
            }
            TopicPartition input = new TopicPartition(run + ".detections", 0);
            String group = null;
            TopicPartition offsets = null;
            // The skip is a race inside the restarted broker: each attempt wins it most times, not always.
            for (int attempt = 1; attempt <= ATTEMPTS && offsets == null; attempt++) {
                if (attempt > 1) {
                    process.close();
                    process = BrokerProcess.start(data, port, log, true);
                }
                group = run + "-" + attempt;
                commit(broker, group + "-process-1", group, input, committed);
                assertTrue(process.awaitEnd(), "the broker ended as it was about to write the first marker");
                process = BrokerProcess.start(data, port, log);
                offsets = openOffsetsPartition(broker, group, group + "-process-1");
                System.out.printf("attempt %d: %s%n", attempt, offsets == null ? "the marker was written after all" : "the marker was skipped on " + offsets);
            }
            assertNotNull(offsets, "Kafka 4.3.1 skips the marker of a partition without a leader; not in " + ATTEMPTS + " attempts, see " + log);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker))) {
                int ended = new HangingTransactions(KafkaCluster.at(broker), admin, group, List.of(run + ".alerts"), Duration.ofSeconds(1)).resolve();
                assertEquals(1, ended, "one transaction finished");
                var stable = admin.listConsumerGroupOffsets(Map.of(group, new org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec()),
                        new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata(group).get(30, TimeUnit.SECONDS);
                assertEquals(committed, stable.get(input).offset(), "the offsets of the commit, committed: " + stable);
                assertTrue(!stable.containsKey(new TopicPartition(run + ".alerts", 0)), "the partition that carried the finishing commit is deleted: " + stable);
                TopicPartition orphaned = offsets;
                Eventually.waitFor(() -> asked(() -> !open(admin, orphaned)), Duration.ofSeconds(10));
            }
        } finally {
            process.close();
        }
    }

    /** A transaction of the group's offsets only, committed, as far as the broker lets it get before it ends. */
    private static void commit(String broker, String transactionalId, String group, TopicPartition input, long offset) {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker, "transactional.id", transactionalId,
                "max.block.ms", 10_000), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.sendOffsetsToTransaction(Map.of(input, new OffsetAndMetadata(offset)), new ConsumerGroupMetadata(group));
            producer.commitTransaction();
        } catch (org.apache.kafka.common.KafkaException brokerGone) {
            // The commit is recorded at its coordinator before the broker ends; whether the answer got out first does not matter.
        }
    }

    /** The group's offsets partition when a transaction is open there while its coordinator has completed a commit; null when none is. */
    private static TopicPartition openOffsetsPartition(String broker, String group, String transactionalId) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker))) {
            int partitions = admin.describeTopics(List.of(Topic.GROUP_METADATA_TOPIC_NAME)).allTopicNames().get()
                    .get(Topic.GROUP_METADATA_TOPIC_NAME).partitions().size();
            TopicPartition offsets = new TopicPartition(Topic.GROUP_METADATA_TOPIC_NAME, Utils.abs(group.hashCode()) % partitions);
            // The coordinator loads its log and ends the commit (with or without every marker) within seconds of the start.
            Eventually.waitFor(() -> asked(() -> admin.listTransactions(new ListTransactionsOptions()).all().get().stream()
                    .filter(t -> t.transactionalId().equals(transactionalId)).map(TransactionListing::state)
                    .anyMatch(s -> s == TransactionState.COMPLETE_COMMIT)), Duration.ofSeconds(60));
            return open(admin, offsets) ? offsets : null;
        }
    }

    private static boolean open(Admin admin, TopicPartition partition) throws Exception {
        return admin.describeProducers(List.of(partition)).partitionResult(partition).get().activeProducers().stream()
                .anyMatch(p -> p.currentTransactionStartOffset().isPresent());
    }

    /** A question to the broker that may fail while it starts: false until it answers yes. */
    private static boolean asked(java.util.concurrent.Callable<Boolean> question) {
        try {
            return question.call();
        } catch (Exception notYet) {
            return false;
        }
    }
}
