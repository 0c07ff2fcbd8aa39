package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The {@link DetectionIndexer}'s consumer settings: measured defaults an operator's settings may override, then the
 * ones exactly-once indexing rests on, which nothing overrides.
 */
final class IndexerConsumerConfig {
    private IndexerConsumerConfig() {
    }

    static Map<String, Object> of(KafkaCluster cluster, String groupId, Map<String, Object> extra) {
        Map<String, Object> config = cluster.config(Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                // Under a backlog every fetch fills at once. At a steady 5,000/s a 20 ms wait made ten times as many
                // small batches, each a PostgreSQL commit, and the CPU they took showed in the alert latency
                // (p99 73 - 150 ms against 75 - 85 ms with 200 ms, BENCHMARKS.md); rows are visible 200 ms later.
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000));
        config.putAll(extra);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Only records of committed transactions: aborted attempts are never indexed.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        return config;
    }
}
