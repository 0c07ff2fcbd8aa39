package io.intellisite.indexer.adapters.kafka.alerts;

import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.application.model.AlertSubscription;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Replays the alerts between a subscriber's last position and the position at which it joined the live feed,
 * then hands over to the live queue, which holds exactly the alerts after that: no gap, no duplicate.
 */
final class ResumingSubscription implements AlertSubscription {
    private final KafkaConsumer<byte[], byte[]> replay;
    private final AlertPosition until;
    private final LiveSubscription live;
    private final Deque<AlertEvent> pending = new ArrayDeque<>();
    private AlertPosition position;
    private volatile boolean replaying = true;
    private Optional<String> restartedAt = Optional.empty();

    ResumingSubscription(KafkaConsumer<byte[], byte[]> replay, List<TopicPartition> partitions, AlertPosition from,
                         AlertPosition until, LiveSubscription live) {
        this.replay = replay;
        this.until = until;
        this.live = live;
        this.position = from;
        List<TopicPartition> behind = partitions.stream().filter(tp -> from.next(tp.partition()) < until.next(tp.partition())).toList();
        // Alerts past the topic's retention are gone: rather than replay all that is left as if it followed the id
        // (a flood, and still a gap), say so and carry on live.
        Map<TopicPartition, Long> kept = behind.isEmpty() ? Map.of() : replay.beginningOffsets(behind);
        if (behind.stream().anyMatch(tp -> from.next(tp.partition()) < kept.getOrDefault(tp, 0L))) {
            replaying = false;
            replay.close();
            restartedAt = Optional.of(until.toString());
            return;
        }
        replay.assign(behind);
        behind.forEach(tp -> replay.seek(tp, from.next(tp.partition())));
    }

    @Override
    public boolean replaying() {
        return replaying;
    }

    @Override
    public Optional<String> restartedAt() {
        return restartedAt;
    }

    @Override
    public Optional<AlertEvent> next(Duration timeout) throws InterruptedException {
        while (replaying && pending.isEmpty()) {
            if (caughtUp()) {
                replaying = false;
                replay.close();
                break;
            }
            for (ConsumerRecord<byte[], byte[]> r : replay.poll(Duration.ofMillis(200))) {
                if (r.offset() < until.next(r.partition())) {
                    position = position.after(r.partition(), r.offset());
                    AlertRecords.event(r, position).ifPresent(pending::add);
                }
            }
        }
        if (!pending.isEmpty()) {
            return Optional.of(pending.poll());
        }
        return live.next(timeout);
    }

    private boolean caughtUp() {
        return replay.assignment().stream().allMatch(tp -> replay.position(tp) >= until.next(tp.partition()));
    }

    @Override
    public boolean overflowed() {
        return live.overflowed();
    }

    @Override
    public void close() {
        if (replaying) {
            replay.close();
        }
        live.close();
    }
}
