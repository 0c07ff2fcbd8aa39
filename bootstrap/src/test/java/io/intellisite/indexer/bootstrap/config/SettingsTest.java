package io.intellisite.indexer.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void prefixedSettingsBecomeKafkaPropertiesForTheirClientOnly() {
        Settings settings = Settings.load(Map.of("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1",
                "KAFKA_STREAMS_CONSUMER_MAX_POLL_RECORDS", " 500 ", "KAFKA_INDEXER_FETCH_MAX_WAIT_MS", "100",
                "KAFKA_STREAMS_", "ignored: no property name"));
        assertEquals(Map.of("num.standby.replicas", "1", "consumer.max.poll.records", "500"), settings.kafkaProperties("KAFKA_STREAMS_"));
        assertEquals(Map.of("fetch.max.wait.ms", "100"), settings.kafkaProperties("KAFKA_INDEXER_"));
        assertEquals(Map.of(), settings.kafkaProperties("KAFKA_NOTHING_"));
    }

    @Test
    void wholeNumbersAreCheckedAndTheErrorNamesTheSetting() {
        assertEquals(3_000_000_000L, Settings.wholeNumber("COUNT", " 3000000000 ", 1, Long.MAX_VALUE));
        assertEquals("COUNT: must be an integer, not 'abc'",
                assertThrows(StartupException.class, () -> Settings.wholeNumber("COUNT", "abc", 1, 10)).getMessage());
        assertEquals("RATE: must be between 1 and 10, not 0",
                assertThrows(StartupException.class, () -> Settings.wholeNumber("RATE", "0", 1, 10)).getMessage());
        assertEquals("HTTP_PORT: must be between 0 and 65535, not 70000",
                assertThrows(StartupException.class, () -> Settings.load(Map.of("HTTP_PORT", "70000")).integer("HTTP_PORT", 0, 65535)).getMessage());
    }

    @Test
    void aNameOnTheCommandLineThatIsNoSettingIsRefusedInsteadOfIgnored() {
        Settings.requireKnown(List.of("HTTP_PORT", "JWT_KEY", "KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "KAFKA_SECURITY_PROTOCOL",
                "KAFKA_SASL_JAAS_CONFIG", "COUNT"), Set.of("COUNT"));
        assertEquals("KAFKA_SASL_MECHANISMS: no such setting (the README's Configuration section lists them)",
                assertThrows(StartupException.class, () -> Settings.requireKnown(List.of("KAFKA_SASL_MECHANISMS"), Set.of())).getMessage());
        assertEquals("HTTP_PROT: no such setting (the README's Configuration section lists them)",
                assertThrows(StartupException.class, () -> Settings.requireKnown(List.of("HTTP_PORT", "HTTP_PROT"), Set.of())).getMessage());
        assertEquals("COUNT: no such setting (the README's Configuration section lists them)",
                assertThrows(StartupException.class, () -> Settings.requireKnown(List.of("COUNT"), Set.of())).getMessage());
        assertEquals("KAFKA_STREAMS_: no such setting (the README's Configuration section lists them; this command also takes RATE, SECONDS)",
                assertThrows(StartupException.class, () -> Settings.requireKnown(List.of("KAFKA_STREAMS_"), Set.of("SECONDS", "RATE"))).getMessage());
    }

    /** Issue 20, point 1: one set of client settings for every client, the per-client prefixes over it. */
    @Test
    void kafkaClientSettingsAreSharedByNameExceptTheProductsOwnAndUnknownOnes() {
        Settings s = Settings.load(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1", "KAFKA_INDEXER_MAX_POLL_RECORDS", "100",
                "KAFKA_BROKER_URL", "broker:9093", "KAFKA_SERVICE_HOST", "10.0.0.1"));
        ProductSettings.Kafka kafka = ProductSettings.Kafka.from(s);
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"), kafka.sharedClient());
        assertEquals(List.of("KAFKA_SERVICE_HOST"), kafka.ignored(), "Kubernetes' service variables are no client settings");
        assertEquals(Map.of("num.standby.replicas", "1"), kafka.streamsClient());
        assertEquals(Map.of("max.poll.records", "100"), kafka.indexerClient());
        assertEquals("broker:9093", kafka.clusterOrLocalEmbedded().bootstrapServers());
        assertEquals(kafka.sharedClient(), kafka.clusterOrLocalEmbedded().shared());
        assertTrue(!kafka.clusterOrLocalEmbedded().toString().contains("SCRAM"), "values, which hold secrets, are never printed");
    }

    @Test
    void eachLimitHoldsForEveryCommandThatReadsTheSetting() {
        // The demo producer and `produce` once took DETECTIONS_PER_SECOND up to 1,000,000 and 10,000,000.
        Settings fast = Settings.load(Map.of("DETECTIONS_PER_SECOND", "5000000", "TOPIC_PARTITIONS", "5000"));
        assertEquals(5_000_000, ProductSettings.Demo.from(fast).detectionsPerSecond());
        assertEquals(5_000, ProductSettings.Topics.from(fast).partitions());
        assertEquals("DETECTIONS_PER_SECOND: must be between 0 and 10000000, not 10000001",
                assertThrows(StartupException.class, () -> ProductSettings.from(
                        Settings.load(Map.of("DETECTIONS_PER_SECOND", "10000001")))).getMessage());
    }

    @Test
    void theDefaultsParseIntoTypedSettings() {
        ProductSettings settings = ProductSettings.from(Settings.load(Map.of()));
        assertEquals(8000, settings.http().port());
        assertEquals(Duration.ofMillis(30), settings.kafka().commitInterval());
        assertEquals("intellisite.detections", settings.topics().names().detections());
        assertEquals(Optional.empty(), settings.demo().producer());
        assertEquals("HS256", settings.tokens().algorithm());
    }
}
