package io.intellisite.indexer.adapters.kafka.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A group reading two topics that moves on one and is stuck on the other, as the pipeline is when a transaction hangs
 * on its repartition topic: the detections flow, the windowed rules' matches wait. The broker is asked, as in the product.
 */
class GroupProgressOnABrokerTest {
    private static final Duration STALL_AFTER = Duration.ofMillis(1_500);
    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(DataDirectory.throwaway("group-progress-test"), 0);
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void aStallOnAnyTopicTheGroupReadsIsSeenNotOnlyOnTheFirst() throws Exception {
        String moving = "detections-" + UUID.randomUUID();
        String stuck = "window-matches-repartition-" + UUID.randomUUID();
        String group = "app-" + UUID.randomUUID();
        KafkaTopics.create(admin, List.of(new NewTopic(moving, 1, (short) 1), new NewTopic(stuck, 1, (short) 1)), Duration.ofSeconds(30));
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(moving, new byte[] {1})).get();
                producer.send(new ProducerRecord<>(stuck, new byte[] {1})).get();
            }
        }
        TopicPartition stuckPartition = new TopicPartition(stuck, 0);
        try (var member = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "group.id", group, "client.id", "member-1", "auto.offset.reset", "earliest", "enable.auto.commit", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            member.subscribe(List.of(moving, stuck));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (member.assignment().size() < 2 && System.nanoTime() < deadline) {
                member.poll(Duration.ofMillis(100));
            }
            member.pause(Set.of(stuckPartition));
            member.commitSync(Map.of(new TopicPartition(moving, 0), new OffsetAndMetadata(5)));

            GroupProgress both = new GroupProgress(admin, group, Set.of(moving, stuck), () -> Set.of("member-1"), STALL_AFTER);
            GroupProgress firstOnly = new GroupProgress(admin, group, Set.of(moving), () -> Set.of("member-1"), STALL_AFTER);
            both.sample();
            firstOnly.sample();
            Thread.sleep(STALL_AFTER.toMillis() + 500);
            member.poll(Duration.ofMillis(10)); // still a member, still not reading the stuck partition
            both.sample();
            firstOnly.sample();

            assertEquals(5, both.status().waiting(), "the stuck topic's records wait");
            assertTrue(both.status().stall().orElse("").contains("on " + stuck + "-0 with 5 record(s) waiting"), both.status().toString());
            assertEquals(Optional.empty(), firstOnly.status().stall(), "watching the first topic alone sees nothing wrong");
        }
    }
}
