package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.RecordLogContext;
import io.intellisite.indexer.adapters.kafka.wire.DeadLetterHeaders;
import io.intellisite.indexer.application.port.in.detection.IndexResult;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the records the database refused, though they parsed as detections, to the dead-letter topic: the
 * record unchanged (or, when too large to copy, its headers and size: see {@link DeadLetterHeaders#deadLetter}), with the
 * usual dlq.* headers and the reason {@value #REASON}. The indexer waits for the
 * broker's acknowledgement before it commits the offsets past them, so a crash in between sends them again
 * (a dead letter may then appear twice; a detection is never lost). The producer is made on first use: most
 * instances never need one.
 */
final class UnstorableDeadLetters implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(UnstorableDeadLetters.class.getName());
    static final String REASON = "UNSTORABLE";
    private final KafkaCluster cluster;
    private final String topic;
    private KafkaProducer<byte[], byte[]> producer;

    UnstorableDeadLetters(KafkaCluster cluster, String topic) {
        this.cluster = cluster;
        this.topic = topic;
    }

    /** Sends the refused detections' records, waits until the broker has them all, and says so in the log. */
    void send(ConsumerRecords<byte[], byte[]> batch, List<IndexResult.Refused> refused) {
        Map<TopicPartitionOffset, String> reasons = new HashMap<>();
        refused.forEach(r -> reasons.put(new TopicPartitionOffset(r.detection().source().topic(), r.detection().source().partition(),
                r.detection().source().offset()), r.reason()));
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            String reason = reasons.get(new TopicPartitionOffset(r.topic(), r.partition(), r.offset()));
            if (reason != null) {
                DeadLetterHeaders.DeadLetter letter = DeadLetterHeaders.deadLetter(r.key(), r.value(), r.headers(), REASON, reason,
                        r.topic(), r.partition(), r.offset());
                sent.add(producer().send(new ProducerRecord<>(topic, null, r.timestamp(), letter.key(), letter.value(), letter.headers())));
            }
        }
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to the dead-letter topic " + topic + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the dead-letter topic", e);
        }
        SourcePosition first = refused.getFirst().detection().source();
        try (var line = RecordLogContext.of(first.topic(), first.partition(), first.offset())) {
            LOG.log(Level.WARNING, refused.size() + " detection(s) refused by the database went to the dead-letter topic;"
                    + " the first: " + refused.getFirst().reason());
        }
    }

    private record TopicPartitionOffset(String topic, int partition, long offset) {
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(cluster.config(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
