package io.intellisite.indexer.bootstrap.config;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The names Kafka's clients know. A {@code KAFKA_<NAME>} setting is passed to every client only when one of them knows
 * it: an environment holds other {@code KAFKA_} variables (Kubernetes makes {@code KAFKA_PORT} and the like for a
 * service named kafka), and a misspelt name should be reported, not sent on.
 */
final class KafkaClientSettings {
    private static final Set<String> KNOWN = known();

    private KafkaClientSettings() {
    }

    static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }

    private static Set<String> known() {
        Set<String> names = new HashSet<>(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        names.addAll(StreamsConfig.configDef().names());
        return Set.copyOf(names);
    }
}
