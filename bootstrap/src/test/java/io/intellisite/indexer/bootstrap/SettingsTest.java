package io.intellisite.indexer.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
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
}
