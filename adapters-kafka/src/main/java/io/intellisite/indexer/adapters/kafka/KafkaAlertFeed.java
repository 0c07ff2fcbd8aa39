package io.intellisite.indexer.adapters.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.intellisite.indexer.application.port.in.AlertEvent;
import io.intellisite.indexer.application.port.in.AlertSubscription;
import io.intellisite.indexer.application.port.out.AlertFeed;
import io.intellisite.indexer.domain.InvalidValueException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One {@code read_committed} consumer per instance, with no consumer group (so instances never split the
 * alerts between them), reads every partition of the alerts topic into one {@link AlertRing} that every
 * subscriber reads from. A subscriber costs a position in the ring, not a broker connection or a queue;
 * resuming costs one short-lived consumer that replays from the subscriber's position up to where it joined
 * the live feed.
 */
public final class KafkaAlertFeed implements AlertFeed, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaAlertFeed.class.getName());
    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final AlertRing ring;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Set<LiveSubscription> subscribers = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private volatile AlertPosition position;
    private volatile boolean closing;
    private long skipped; // feed thread only
    private final Thread thread;

    public KafkaAlertFeed(String bootstrapServers, String topic, int queueCapacity) {
        this.consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        this.topic = topic;
        this.ring = new AlertRing(queueCapacity);
        this.consumer = newConsumer();
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        long[] ends = new long[partitions.size()];
        for (TopicPartition tp : partitions) {
            ends[tp.partition()] = consumer.position(tp);
        }
        this.position = new AlertPosition(ends);
        this.thread = Thread.ofPlatform().name("alert-feed").daemon().start(this::run);
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        return new KafkaConsumer<>(new HashMap<>(consumerConfig), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void run() {
        try {
            while (!closing) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    AlertPosition after = position.after(r.partition(), r.offset());
                    // No one reads what is appended while no one is subscribed (a new subscriber starts at the
                    // ring's head, a resuming one replays from Kafka), so the alert is only decoded for someone.
                    boolean anyone = !subscribers.isEmpty();
                    Optional<AlertEvent> event = anyone ? decode(r, after) : Optional.empty();
                    synchronized (lock) {
                        position = after;
                        if (!anyone && !subscribers.isEmpty()) {
                            event = decode(r, after);
                        }
                        event.ifPresent(ring::append);
                    }
                }
                if (!records.isEmpty()) {
                    ring.signal();
                }
            }
        } catch (WakeupException stop) {
            // closing
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "alert feed stopped: " + e.getMessage(), e);
        } finally {
            consumer.close();
        }
    }

    private Optional<AlertEvent> decode(ConsumerRecord<byte[], byte[]> r, AlertPosition after) {
        Optional<AlertEvent> event = event(r, after);
        if (event.isEmpty() && (++skipped == 1 || skipped % 1_000 == 0)) {
            LOG.log(Level.WARNING, "skipped " + skipped + " record(s) on " + topic + " that are not alerts, the last at "
                    + r.partition() + "/" + r.offset() + " (another producer's, or a tombstone)");
        }
        return event;
    }

    /**
     * The alert in this record, or empty when it holds none: the topic is open to other producers, and a record
     * that is not an alert must not stop the feed (or a replay) for every subscriber; its position still counts.
     */
    static Optional<AlertEvent> event(ConsumerRecord<byte[], byte[]> r, AlertPosition after) {
        JsonNode node;
        try {
            node = r.value() == null ? null : DetectionJson.read(r.value());
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        List<String> rules = new ArrayList<>();
        node.path("rules").forEach(n -> rules.add(n.asText()));
        List<String> categories = Arrays.stream(node.path("Category").asText("").split(",")).map(String::strip).toList();
        return Optional.of(new AlertEvent(after.toString(), node.path("Make").asText(""), categories, rules,
                DetectionJson.utf8(r.value())));
    }

    @Override
    public AlertSubscription subscribe(Optional<String> resumeAfter) {
        Optional<AlertPosition> from = resumeAfter.map(id -> AlertPosition.parse(id, partitions.size())
                .orElseThrow(() -> new InvalidValueException("Last-Event-ID (or since) is not an event id of this stream")));
        LiveSubscription live;
        AlertPosition joinedAt;
        synchronized (lock) {
            live = new LiveSubscription(ring, ring.head(), subscribers::remove);
            subscribers.add(live);
            joinedAt = position;
        }
        if (from.isEmpty() || from.get().equals(joinedAt)) {
            return live;
        }
        return new ResumingSubscription(newConsumer(), partitions, from.get(), joinedAt, live);
    }

    @Override
    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
