package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.embedded.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
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

    private static void recreate(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            NewTopic again = new NewTopic(topic, 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    admin.createTopics(List.of(again)).all().get(30, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException e) {
                    // Still being deleted.
                    if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }
}
