package io.intellisite.indexer.adapters.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Checks that a broker answers and creates the pipeline's topics when they are missing. */
public final class KafkaTopics {
    private KafkaTopics() {
    }

    /** Fails within {@code timeout} if no broker of {@code cluster} answers. */
    public static void ensure(KafkaCluster cluster, TopicNames topics, int partitions, Duration timeout) {
        Map<String, Object> config = cluster.config(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5_000)));
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            short replication = (short) Math.min(3, admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size());
            List<NewTopic> missing = new ArrayList<>(List.of(topics.detections(), topics.alerts(), topics.deadLetters()).stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, replication))
                    .toList());
            if (!existing.contains(topics.rules())) {
                // Compacted: the latest version of each rule (or its tombstone) is kept for ever, so every
                // instance rebuilds the full rule table from it. Few rules: one partition keeps changes in order.
                missing.add(new NewTopic(topics.rules(), 1, replication).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.max(1, replication - 1)))));
            }
            if (!missing.isEmpty()) {
                create(admin, missing, timeout);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka broker answered at " + cluster.bootstrapServers() + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka broker at " + cluster.bootstrapServers() + " refused: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka topics");
        }
    }

    /**
     * Creates {@code topics} (one created meanwhile by another instance is fine) and returns once they take writes.
     * A topic is created before its leaders have taken it up, and an idempotent producer that writes in that
     * moment can have one batch refused and the next accepted, after which the first is refused for good and
     * dropped when its delivery times out (KAFKA-15591, seen here in a test). So this waits until the leader of
     * every partition serves it: listing offsets goes through the same leader check as a write, and the admin
     * client retries it on a missing leader.
     */
    public static void create(Admin admin, Collection<NewTopic> topics, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(topics).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        awaitServing(admin, topics, timeout);
    }

    private static void awaitServing(Admin admin, Collection<NewTopic> topics, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (NewTopic topic : topics) {
            for (int p = 0; p < topic.numPartitions(); p++) {
                partitions.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs((int) left)).all().get(left, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                // The admin client retries a partition whose leader is not serving yet, but not a topic that the
                // broker it asked has not heard of yet: that one is ours to ask again.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** True when the broker answers a metadata request within a second. */
    public static boolean isReachable(Admin admin) {
        try {
            admin.describeCluster().clusterId().get(1, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
