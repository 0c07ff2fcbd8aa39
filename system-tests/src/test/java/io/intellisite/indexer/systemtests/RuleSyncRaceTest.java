package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.adapters.kafka.rules.KafkaAlertRulePublisher;
import io.intellisite.indexer.adapters.persistence.JdbiAlertRuleRepository;
import io.intellisite.indexer.application.service.rule.SeedAlertRulesService;
import io.intellisite.indexer.domain.alert.AlertRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * Two instances on the real PostgreSQL and broker: one adds a rule (published to the rules topic, its transaction
 * not yet committed) while the other starts and repairs the topic from the record. The new rule stays on the topic,
 * so every pipeline keeps it and it fires.
 */
class RuleSyncRaceTest {

    @Test
    void aRuleAddedOnAnotherInstanceWhileThisOneStartsIsNotRemovedFromTheTopic() throws Exception {
        String topic = "rules-" + UUID.randomUUID();
        String broker = TestInfrastructure.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker))) {
            KafkaTopics.create(admin, List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))),
                    Duration.ofSeconds(30));
        }
        var rules = new JdbiAlertRuleRepository(TestInfrastructure.emptyDatabase().jdbi());
        AlertRule added = AlertRule.suspiciousCategory("Van");
        try (var publisher = new KafkaAlertRulePublisher(KafkaCluster.at(broker), topic, Duration.ofSeconds(10))) {
            new SeedAlertRulesService(rules, publisher).seed(AlertRule.suspiciousCategory("SUV"));
            CountDownLatch published = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            AlertRule other = new AlertRule("added-elsewhere", added.name(), true, added.conditions());
            Thread otherInstance = Thread.ofPlatform().start(() -> rules.add(other, () -> {
                publisher.published(other);
                published.countDown();
                await(commit);
            }));
            assertTrue(published.await(10, TimeUnit.SECONDS));
            Thread starting = Thread.ofPlatform().start(() -> new SeedAlertRulesService(rules, publisher).seed(AlertRule.suspiciousCategory("SUV")));
            starting.join(1_000);
            commit.countDown();
            otherInstance.join(10_000);
            starting.join(30_000);
            assertTrue(publisher.onTopic().containsKey("added-elsewhere"), "the rule added elsewhere is still on the topic");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
