package io.intellisite.indexer.adapters.kafka.rules;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.wire.AlertRuleJson;
import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.domain.alert.AlertRule;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes rule changes to the compacted rules topic: the rule under its id, a tombstone on delete. */
public final class KafkaAlertRulePublisher implements AlertRulePublisher, AutoCloseable {
    private final KafkaCluster cluster;
    private final String topic;
    private final Duration timeout;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaAlertRulePublisher(KafkaCluster cluster, String topic, Duration timeout) {
        this.cluster = cluster;
        this.topic = topic;
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(cluster.config(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() / 2, ProducerConfig.LINGER_MS_CONFIG, 0)),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void published(AlertRule rule) {
        send(rule.id(), AlertRuleJson.write(rule));
    }

    @Override
    public void removed(String id) {
        send(id, null);
    }

    @Override
    public void synchronise(List<AlertRule> rules) {
        Map<String, byte[]> onTopic = onTopic();
        Map<String, byte[]> wanted = new HashMap<>();
        rules.forEach(rule -> wanted.put(rule.id(), AlertRuleJson.write(rule)));
        onTopic.keySet().stream().filter(id -> !wanted.containsKey(id)).forEach(this::removed);
        wanted.forEach((id, value) -> {
            if (!Arrays.equals(value, onTopic.get(id))) {
                send(id, value);
            }
        });
    }

    private void send(String id, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, id, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("rules topic " + topic + " did not take the change: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a rule change", e);
        }
    }

    /** The rules topic's current table (latest value per id, tombstoned ids left out), read from start to end. */
    public Map<String, byte[]> onTopic() {
        Map<String, byte[]> table = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cluster.config(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rules topic " + topic + " could not be read within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        table.remove(record.key());
                    } else {
                        table.put(record.key(), record.value());
                    }
                }
            }
        }
        return table;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
