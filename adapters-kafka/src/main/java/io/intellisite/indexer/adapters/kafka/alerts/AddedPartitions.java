package io.intellisite.indexer.adapters.kafka.alerts;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Makes the feed's consumer follow partitions added to the alerts topic, read from their start: partitions are only
 * ever added, and everything in an added one came after the feed's position. Looked for every {@code every}, or at
 * once when a resuming subscriber's id names more partitions than the feed reads. Feed thread only.
 */
final class AddedPartitions {
    private static final System.Logger LOG = System.getLogger(AddedPartitions.class.getName());
    private final AlertTopic topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final FeedPosition position;
    private final Duration every;
    private long next;

    AddedPartitions(AlertTopic topic, KafkaConsumer<byte[], byte[]> consumer, FeedPosition position, Duration every) {
        this.topic = topic;
        this.consumer = consumer;
        this.position = position;
        this.every = every;
        this.next = System.nanoTime() + every.toNanos();
    }

    /** Follows what was added, if it is time to look or a subscriber asked for more partitions. */
    void followWhenDue() {
        if (System.nanoTime() - next >= 0 || position.partitionsAsked() > position.now().partitions()) {
            follow();
            next = System.nanoTime() + every.toNanos();
        }
    }

    private void follow() {
        List<TopicPartition> now;
        try {
            now = topic.partitions(Math.max(topic.partitionsSeenBy(consumer, Duration.ofSeconds(5)), position.partitionsAsked()));
        } catch (WakeupException closing) {
            throw closing;
        } catch (KafkaException e) {
            LOG.log(Level.WARNING, "could not look for partitions added to " + topic.name() + ", trying again later: " + e.getMessage());
            return;
        }
        int known = position.now().partitions();
        if (now.size() <= known) {
            return;
        }
        // Where it is on the partitions it had, restored after the new assignment rather than trusted to survive it.
        Map<TopicPartition, Long> reached = new HashMap<>();
        now.subList(0, known).forEach(tp -> reached.put(tp, consumer.position(tp)));
        consumer.assign(now);
        reached.forEach(consumer::seek);
        consumer.seekToBeginning(now.subList(known, now.size()));
        position.widenTo(now.size());
        LOG.log(Level.INFO, topic.name() + " grew from " + known + " to " + now.size() + " partitions; following them all");
    }
}
