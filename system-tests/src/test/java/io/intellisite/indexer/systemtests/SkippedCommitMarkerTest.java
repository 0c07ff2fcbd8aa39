package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.recovery.HangingTransactions;
import io.intellisite.indexer.application.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka 4.3.1 completes a commit without writing its marker to a partition that has no leader at that instant, as if
 * the partition were deleted. It doubled dead letters in a CrashSoakTest run: the single broker, killed in mid-commit,
 * had no leader anywhere for a moment after its restart, just as its coordinator retried the offsets' marker. Made
 * here without a race: two brokers, the coordinator on one, the group's offsets (and the output) on the other, which
 * is stopped before the commit and started again after it. The instance's sweep must then end the commit as its
 * coordinator decided, or, where it cannot, as if it had never been made: never half of each.
 */
class SkippedCommitMarkerTest {
    private static final int COORDINATOR = 0;
    private static final int STOPPED = 1;
    private static final long COMMITTED = 1_000;
    private static KafkaClusterTestKit cluster;
    private static Admin admin;
    private static Skipped offsetsOnly;
    private static Skipped offsetsAndRecord;
    private static Skipped coordinatorAway;

    @BeforeAll
    static void twoBrokers() throws Exception {
        Map<String, String> broker = Map.of("offsets.topic.replication.factor", "1", "offsets.topic.num.partitions", "4",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "4", "group.initial.rebalance.delay.ms", "0");
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setNumControllerNodes(1).setNumBrokerNodes(2)
                .setPerServerProperties(Map.of(COORDINATOR, broker, STOPPED, broker)).build()).build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = cluster.admin();
        makeInternalTopics();
        // Both commits made in one stop of the broker (a stop and a start take about 10 s).
        List<Skipped> all = skipTheMarkers(List.of(false, true, false));
        offsetsOnly = all.get(0);
        offsetsAndRecord = all.get(1);
        coordinatorAway = all.get(2);
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        cluster.close();
    }

    @Test
    void aCommitOfOffsetsOnlyIsFinishedAsACommit() throws Exception {
        Skipped skipped = offsetsOnly;
        assertEquals(1, resolve(skipped), "one transaction finished");
        var stable = stableOffsets(skipped.group());
        assertTrue(stable.containsKey(skipped.input()) && stable.get(skipped.input()).offset() == COMMITTED,
                "the offsets of the commit, committed: " + stable);
        assertFalse(stable.containsKey(new TopicPartition(skipped.output(), 0)), "the offset that carried the finishing commit is deleted: " + stable);
        awaitNothingOpen(skipped);
    }

    @Test
    void aCommitOfOffsetsAndARecordThatNoPartitionGotIsAbortedEverywhere() throws Exception {
        Skipped skipped = offsetsAndRecord;
        assertEquals(2, resolve(skipped), "aborted on the offsets and on the output");
        var stable = stableOffsets(skipped.group());
        assertFalse(stable.containsKey(skipped.input()), "the offsets of the commit, not committed: " + stable);
        awaitNothingOpen(skipped);
        assertTrue(Records.readAll(cluster.bootstrapServers(), skipped.output(), 0, "read_committed").stream()
                .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).equals(skipped.group())), "its record, not shown");
    }

    /**
     * The start's sweep finds the orphan while its coordinator is away (as for a moment after a broker's start, before
     * it loads its log): it waits for it to list the producer instead of leaving the orphan to a sweep after the start,
     * when the coordinator would list it as Empty, forgetting that it was a commit.
     */
    @Test
    void aStartWaitsForTheCoordinatorThatCanTellTheOrphanWasACommit() throws Exception {
        Skipped skipped = coordinatorAway;
        cluster.brokers().get(COORDINATOR).shutdown();
        cluster.brokers().get(COORDINATOR).awaitShutdown();
        CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(() -> resolve(skipped));
        cluster.brokers().get(COORDINATOR).startup();
        cluster.waitForReadyBrokers();
        assertEquals(1, sweep.get(60, TimeUnit.SECONDS), "one transaction finished once its coordinator was back");
        var stable = stableOffsets(skipped.group());
        assertTrue(stable.containsKey(skipped.input()) && stable.get(skipped.input()).offset() == COMMITTED,
                "the offsets of the commit, committed: " + stable);
        awaitNothingOpen(skipped);
    }

    private record Skipped(String transactionalId, long producerId, String group, TopicPartition input, String output,
                           TopicPartition offsets, boolean withRecord) {
    }

    /**
     * For each of {@code withRecord}, a commit of a group's offsets (and a record, if true) made while the broker
     * holding them is down: its coordinator completes it without their markers, and they are open there once it is back.
     */
    private static List<Skipped> skipTheMarkers(List<Boolean> withRecord) throws Exception {
        List<Skipped> skipped = new ArrayList<>();
        List<KafkaProducer<byte[], byte[]>> producers = new ArrayList<>();
        try {
            for (boolean record : withRecord) {
                String run = (record ? "both" : "offsets") + System.nanoTime();
                TopicPartition input = new TopicPartition(run + ".detections", 0);
                String output = run + ".alerts";
                admin.createTopics(List.of(new NewTopic(input.topic(), Map.of(0, List.of(COORDINATOR))),
                        new NewTopic(output, Map.of(0, List.of(STOPPED))))).all().get(30, TimeUnit.SECONDS);
                // As Kafka Streams names them: the group is the application id, its transactional ids start with it.
                String group = ledBy(Topic.GROUP_METADATA_TOPIC_NAME, run + "-", STOPPED);
                String transactionalId = ledBy(Topic.TRANSACTION_STATE_TOPIC_NAME, group + "-process-", COORDINATOR);
                var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                        "transactional.id", transactionalId), new ByteArraySerializer(), new ByteArraySerializer());
                producers.add(producer);
                producer.initTransactions();
                producer.beginTransaction();
                if (record) {
                    producer.send(new ProducerRecord<>(output, group.getBytes(StandardCharsets.UTF_8)));
                }
                producer.sendOffsetsToTransaction(Map.of(input, new OffsetAndMetadata(COMMITTED)), new ConsumerGroupMetadata(group));
                producer.flush();
                TopicPartition offsets = new TopicPartition(Topic.GROUP_METADATA_TOPIC_NAME, partitionOf(Topic.GROUP_METADATA_TOPIC_NAME, group));
                long producerId = admin.describeTransactions(List.of(transactionalId)).description(transactionalId).get().producerId();
                skipped.add(new Skipped(transactionalId, producerId, group, input, output, offsets, record));
            }
            cluster.brokers().get(STOPPED).shutdown();
            cluster.brokers().get(STOPPED).awaitShutdown();
            producers.forEach(KafkaProducer::commitTransaction);
        } finally {
            producers.forEach(p -> p.close(Duration.ZERO));
        }
        for (Skipped s : skipped) {
            Eventually.waitFor(() -> asked(() -> admin.listTransactions().all().get().stream()
                    .filter(t -> t.transactionalId().equals(s.transactionalId())).map(TransactionListing::state)
                    .anyMatch(state -> state == TransactionState.COMPLETE_COMMIT)), Duration.ofSeconds(30));
        }
        cluster.brokers().get(STOPPED).startup();
        cluster.waitForReadyBrokers();
        for (Skipped s : skipped) {
            Eventually.waitFor(() -> asked(() -> open(s.offsets(), s.producerId())), Duration.ofSeconds(30));
            assertEquals(s.withRecord(), open(new TopicPartition(s.output(), 0), s.producerId()), "the output's marker skipped too");
        }
        return skipped;
    }

    /**
     * The sweep an instance makes as it starts, before its pipeline does (and so before its producers' first start
     * makes their coordinator forget how their last transaction ended): seconds after the crash, not minutes.
     */
    private static int resolve(Skipped skipped) {
        return new HangingTransactions(KafkaCluster.at(cluster.bootstrapServers()), admin, skipped.group(), List.of(skipped.output()),
                Duration.ofMinutes(10)).resolveBeforeStart();
    }

    private static Map<TopicPartition, OffsetAndMetadata> stableOffsets(String group) throws Exception {
        return admin.listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec()), new ListConsumerGroupOffsetsOptions()
                .requireStable(true)).partitionsToOffsetAndMetadata(group).get(30, TimeUnit.SECONDS);
    }

    private static void awaitNothingOpen(Skipped skipped) throws InterruptedException {
        for (TopicPartition p : List.of(skipped.offsets(), new TopicPartition(skipped.output(), 0))) {
            Eventually.waitFor(() -> asked(() -> !open(p, skipped.producerId())), Duration.ofSeconds(10));
        }
    }

    /** A name starting with {@code prefix} that the broker's rule (the hash of the name) places on a partition of {@code topic} led by {@code broker}. */
    private static String ledBy(String topic, String prefix, int broker) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        for (int i = 0; ; i++) {
            int partition = Utils.abs((prefix + i).hashCode()) % partitions.size();
            if (partitions.get(partition).leader() != null && partitions.get(partition).leader().id() == broker) {
                return prefix + i;
            }
        }
    }

    /** Kafka makes its two internal topics at their first use, a look-up of a coordinator of each kind: spread over both brokers. */
    private static void makeInternalTopics() throws InterruptedException {
        asked(() -> admin.listConsumerGroupOffsets("any").partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS) != null);
        asked(() -> admin.describeTransactions(List.of("any")).all().get(30, TimeUnit.SECONDS) != null);
        Eventually.waitFor(() -> asked(() -> admin.describeTopics(List.of(Topic.GROUP_METADATA_TOPIC_NAME, Topic.TRANSACTION_STATE_TOPIC_NAME))
                .allTopicNames().get().values().stream().flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null)), Duration.ofSeconds(30));
    }

    private static int partitionOf(String topic, String name) throws Exception {
        return Utils.abs(name.hashCode()) % admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    /** Whether {@code producerId} has a transaction open on {@code partition} (the two commits may share an offsets partition). */
    private static boolean open(TopicPartition partition, long producerId) throws Exception {
        return admin.describeProducers(List.of(partition)).partitionResult(partition).get().activeProducers().stream()
                .anyMatch(p -> p.producerId() == producerId && p.currentTransactionStartOffset().isPresent());
    }

    /** A question to the cluster that may fail while a broker comes back: false until it answers yes. */
    private static boolean asked(Callable<Boolean> question) {
        try {
            return question.call();
        } catch (Exception notYet) {
            return false;
        }
    }
}
