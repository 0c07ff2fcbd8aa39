package io.intellisite.indexer.adapters.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every Kafka client the product makes reaches the cluster: its bootstrap servers and the client settings they
 * all share (security protocol, SASL, TLS stores, timeouts; {@code KAFKA_<NAME>} settings). A client's own settings
 * go over the shared ones, since its guarantees depend on them; the bootstrap servers go last.
 */
public record KafkaCluster(String bootstrapServers, Map<String, String> shared) {
    public KafkaCluster {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        shared = Map.copyOf(shared);
    }

    /** A cluster reached in plain text with no shared settings (the embedded broker, tests, tools). */
    public static KafkaCluster at(String bootstrapServers) {
        return new KafkaCluster(bootstrapServers, Map.of());
    }

    /** The configuration of one client: the shared settings, then {@code own}, then the bootstrap servers. */
    public Map<String, Object> config(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(shared);
        config.putAll(own);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** The shared setting names only, never their values: they hold passwords and keys. */
    @Override
    public String toString() {
        return "KafkaCluster[" + bootstrapServers + ", shared settings " + new TreeMap<>(shared).keySet() + "]";
    }
}
