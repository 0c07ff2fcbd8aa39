package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the indexer takes from one poll: the detections to store, and the offsets to commit once they are. */
final class PolledBatches {
    private PolledBatches() {
    }

    /** {@code topicIds} is asked after the poll, so the ids it gives are those of the topics the records came from. */
    static List<IndexedDetection> detections(ConsumerRecords<byte[], byte[]> records, TopicIds topicIds) {
        List<IndexedDetection> batch = new ArrayList<>(records.count());
        Map<String, UUID> ids = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            try {
                UUID topicId = ids.computeIfAbsent(r.topic(), topicIds::now);
                batch.add(DetectionJson.indexed(new SourcePosition(r.topic(), topicId, r.partition(), r.offset()), r.timestamp(), r.value()));
            } catch (DetectionJson.RejectedRecordException deadLetter) {
                // the topology sends it to the dead-letter topic; nothing to index
            }
        }
        return batch;
    }

    static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> part = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(part.getLast().offset() + 1));
        }
        return offsets;
    }
}
