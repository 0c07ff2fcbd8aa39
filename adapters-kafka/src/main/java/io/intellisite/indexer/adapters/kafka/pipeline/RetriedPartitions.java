package io.intellisite.indexer.adapters.kafka.pipeline;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of a batch the indexer could not store, each read again from the batch's first record until a
 * batch is stored, so nothing is skipped while the database is away. One that a rebalance gave to another consumer
 * is that consumer's to store now (from the last committed offset): without forgetting it, an indexer left with only
 * idle partitions would stay unhealthy.
 */
final class RetriedPartitions {
    private final Set<TopicPartition> retrying = new HashSet<>();

    /** Rewinds {@code consumer} to the start of the failed batch on the partitions it still has. */
    void rewind(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> failed) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition tp : failed.partitions()) {
            if (assigned.contains(tp)) {
                consumer.seek(tp, failed.records(tp).getFirst().offset());
                retrying.add(tp);
            }
        }
    }

    /** Whether no partition of a failed batch is still {@code assigned}. */
    boolean noneLeftIn(Set<TopicPartition> assigned) {
        retrying.retainAll(assigned);
        return retrying.isEmpty();
    }

    /** A batch was stored: nothing is being retried. */
    void clear() {
        retrying.clear();
    }
}
