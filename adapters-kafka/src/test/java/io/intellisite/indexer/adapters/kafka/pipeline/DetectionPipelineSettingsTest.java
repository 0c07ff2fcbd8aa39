package io.intellisite.indexer.adapters.kafka.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class DetectionPipelineSettingsTest {
    @Test
    void extraSettingsTuneThePipelineButCannotWeakenItsGuarantee() {
        Properties p = DetectionPipeline.properties(new DetectionPipeline.Settings(KafkaCluster.at("broker:9092"), "app", Path.of("state"), "instance-1", 2,
                Duration.ofMillis(30), Duration.ofSeconds(1), Map.of("consumer.max.poll.records", "500", "num.standby.replicas", "1",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE, StreamsConfig.APPLICATION_ID_CONFIG, "other")));
        assertEquals("500", p.get("consumer.max.poll.records"));
        assertEquals("1", p.get("num.standby.replicas"));
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("app", p.get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("app-instance-1", p.get(StreamsConfig.mainConsumerPrefix("group.instance.id")), "a static member");
    }
}
