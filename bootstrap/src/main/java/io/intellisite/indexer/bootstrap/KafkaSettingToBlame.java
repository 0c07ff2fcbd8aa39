package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/** Which setting an operator should look at when the broker cannot be used: the one line a failed start prints names it. */
final class KafkaSettingToBlame {
    private KafkaSettingToBlame() {
    }

    static String of(Throwable failure, KafkaCluster cluster) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SaslAuthenticationException) {
                return "KAFKA_SASL_JAAS_CONFIG";
            }
            if (t instanceof SslAuthenticationException) {
                return cluster.shared().containsKey("ssl.truststore.location") || !cluster.shared().containsKey("ssl.truststore.certificates")
                        ? "KAFKA_SSL_TRUSTSTORE_LOCATION" : "KAFKA_SSL_TRUSTSTORE_CERTIFICATES";
            }
        }
        // No answer at all: a wrong address, or a client speaking another protocol than the listener's.
        return cluster.shared().containsKey("security.protocol") ? "KAFKA_BROKER_URL / KAFKA_SECURITY_PROTOCOL" : "KAFKA_BROKER_URL";
    }
}
