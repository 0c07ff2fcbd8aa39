package io.intellisite.indexer.adapters.kafka;

import io.intellisite.indexer.domain.detection.IndexedDetection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the indexer takes from one poll: the detections to store, and the offsets to commit once they are. */
final class PolledBatches {
    private PolledBatches() {
    }

    static List<IndexedDetection> detections(ConsumerRecords<byte[], byte[]> records) {
        List<IndexedDetection> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> r : records) {
            try {
                batch.add(DetectionJson.indexed(r.topic(), r.partition(), r.offset(), r.timestamp(), r.value()));
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
