package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.embedded.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules topic deleted and made again under a running instance (an operator's reset) kills the pipeline's rules
 * thread, which Kafka Streams cannot replace. Before, the instance stayed up not ready for ever, its liveness holding,
 * so no supervisor restarted it. Now it exits with status 1 saying why, and the next start carries on.
 */
class PipelineStoppedForGoodTest {
    @Test
    void anInstanceWhosePipelineStopsForGoodExitsAndItsNextStartIsReady(@TempDir Path dir) throws Exception {
        String run = "stopped" + System.nanoTime();
        TestInfrastructure.emptyDatabase();
        Map<String, String> settings = new HashMap<>(TestInfrastructure.productSettings(dir.resolve("data"), run));
        int port = FreePort.pick();
        settings.put("HTTP_PORT", String.valueOf(port));
        String rules = settings.get("RULES_TOPIC");
        try (ProductProcess first = ProductProcess.start(settings, dir.resolve("first.log"))) {
            ProductClient.awaitReady(port, dir.resolve("first.log"));
            recreate(rules);
            assertEquals(1, first.awaitExit(Duration.ofSeconds(90)), "exit status");
        }
        String log = Files.readString(dir.resolve("first.log"));
        assertTrue(log.contains("the detection pipeline stopped for good"), log);

        try (ProductProcess second = ProductProcess.start(settings, dir.resolve("second.log"))) {
            ProductClient.awaitReady(port, dir.resolve("second.log"));
        }
    }

    /** As an operator's reset does, and as {@code TopicIdentityTest} makes the detections topic again. */
    private static void recreate(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            Eventually.waitFor(() -> !listed(admin, topic), Duration.ofSeconds(30));
            KafkaTopics.create(admin, List.of(new NewTopic(topic, 1, (short) 1).configs(
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))), Duration.ofSeconds(30));
        }
    }

    private static boolean listed(Admin admin, String topic) {
        try {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            return true;
        }
    }
}
