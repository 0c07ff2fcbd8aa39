package io.intellisite.indexer.adapters.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Topics are ready for writes when created: the race behind KAFKA-15591 is closed before anyone produces. */
class KafkaTopicsTest {
    private static final int PARTITIONS = 12;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(DataDirectory.throwaway("topics-test"), 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aCreatedTopicTakesItsFirstWriteOnEveryPartitionWithoutARetry() throws Exception {
        // No retries: a write that reached a leader not yet serving its new partition would fail here, not be retried.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
             var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                     "retries", 0, "enable.idempotence", false, "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int round = 0; round < 10; round++) {
                List<NewTopic> created = List.of(new NewTopic("topic-" + UUID.randomUUID(), PARTITIONS, (short) 1));
                KafkaTopics.create(admin, created, Duration.ofSeconds(30));
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    sends.add(producer.send(new ProducerRecord<>(created.getFirst().name(), p, null, new byte[] {1})));
                }
                for (Future<RecordMetadata> send : sends) {
                    assertEquals(0, send.get().offset());
                }
            }
        }
    }
}
