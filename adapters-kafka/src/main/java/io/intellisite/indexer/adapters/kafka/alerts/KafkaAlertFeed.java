package io.intellisite.indexer.adapters.kafka.alerts;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.RecordLogContext;
import io.intellisite.indexer.adapters.kafka.StageLatency;
import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.application.model.AlertSubscription;
import io.intellisite.indexer.application.port.out.AlertFeed;
import io.intellisite.indexer.domain.InvalidValueException;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One {@code read_committed} consumer per instance, with no consumer group (so instances never split the
 * alerts between them), reads every partition of the alerts topic into one {@link AlertRing} that every
 * subscriber reads from. A subscriber costs a position in the ring, not a broker connection or a queue;
 * resuming costs one short-lived consumer that replays from the subscriber's position up to where it joined
 * the live feed. Partitions added to the topic while it runs are read from their start, so alerts written to them
 * are not missed: noticed within two check intervals, or at once when a subscriber resumes with an id naming them.
 */
public final class KafkaAlertFeed implements AlertFeed, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaAlertFeed.class.getName());
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);
    private static final Duration CATCH_UP = Duration.ofSeconds(5);
    private final AlertTopic topic;
    private final AlertRing ring;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration partitionCheck;
    private final Set<LiveSubscription> subscribers = ConcurrentHashMap.newKeySet();
    private final FeedPosition position;
    private volatile boolean closing;
    private long skipped; // feed thread only
    private final Supplier<KafkaConsumer<byte[], byte[]>> replays;
    private final Thread thread;
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private final StageLatency latency = new StageLatency("intellisite.alerts.latency",
            "time from a detection to its alert readable (committed) by this instance's alert feed");

    public KafkaAlertFeed(KafkaCluster cluster, String topic, int queueCapacity) {
        this(cluster, topic, queueCapacity, PARTITION_CHECK, null);
    }

    /**
     * {@code partitionCheck}: how often to look for partitions added to the topic; {@code replays}: makes the
     * consumer a resuming subscriber replays with (null: a new consumer of the topic).
     */
    KafkaAlertFeed(KafkaCluster cluster, String topic, int queueCapacity, Duration partitionCheck,
                   Supplier<KafkaConsumer<byte[], byte[]>> replays) {
        this.partitionCheck = partitionCheck;
        // Metadata refreshed as often as it is checked: an added partition shows within two checks.
        this.topic = new AlertTopic(cluster, topic, partitionCheck);
        // A replay holds at most one poll of alerts, read as its subscriber reads: 100, not the live consumer's 1,000.
        this.replays = replays != null ? replays : () -> this.topic.newConsumer("replay", Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100));
        this.ring = new AlertRing(queueCapacity);
        this.consumer = this.topic.newConsumer("feed");
        this.position = new FeedPosition(this.topic.assignAtEnd(consumer, Duration.ofSeconds(15)));
        this.thread = Thread.ofPlatform().name("alert-feed").daemon().start(this::run);
    }

    private void run() {
        AddedPartitions added = new AddedPartitions(topic, consumer, position, partitionCheck);
        try {
            while (!closing) {
                added.followWhenDue();
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    latency.since(r.timestamp()); // the pipeline gives an alert its detection's timestamp
                    AlertPosition after = position.now().after(r.partition(), r.offset());
                    // No one reads what is appended while no one is subscribed (a new subscriber starts at the
                    // ring's head, a resuming one replays from Kafka), so the alert is only decoded for someone.
                    boolean anyone = !subscribers.isEmpty();
                    Optional<AlertEvent> decoded = anyone ? decode(r, after) : Optional.empty();
                    position.advance(after, () -> (anyone || subscribers.isEmpty() ? decoded : decode(r, after)).ifPresent(ring::append));
                }
                if (!records.isEmpty()) {
                    ring.signal();
                }
            }
        } catch (WakeupException stop) {
            // closing
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "alert feed stopped: " + e.getMessage(), e);
            failure.complete("the alert feed stopped for good (" + e + ")");
        } finally {
            consumer.close();
        }
    }

    private Optional<AlertEvent> decode(ConsumerRecord<byte[], byte[]> r, AlertPosition after) {
        Optional<AlertEvent> event = AlertRecords.event(r, after);
        if (event.isEmpty() && (++skipped == 1 || skipped % 1_000 == 0)) {
            try (var line = RecordLogContext.of(topic.name(), r.partition(), r.offset())) {
                LOG.log(Level.WARNING, "skipped " + skipped + " record(s) on " + topic.name() + " that are not alerts, the last at "
                        + r.partition() + "/" + r.offset() + " (another producer's, or a tombstone)");
            }
        }
        return event;
    }

    @Override
    public AlertSubscription subscribe(Optional<String> resumeAfter) {
        Optional<AlertPosition> parsed = resumeAfter.map(this::resumePosition);
        record Joined(LiveSubscription live, AlertPosition at) {
        }
        Joined joined = position.join(at -> {
            LiveSubscription live = new LiveSubscription(ring, ring.head(), subscribers::remove);
            subscribers.add(live);
            return new Joined(live, at);
        });
        LiveSubscription live = joined.live();
        AlertPosition joinedAt = joined.at();
        // Partitions may have been added since the id was parsed.
        Optional<AlertPosition> from = parsed.map(p -> p.widenedTo(joinedAt.partitions()));
        if (from.isEmpty() || from.get().equals(joinedAt)) {
            return live;
        }
        // The live subscription is registered already: a replay that cannot start must release it, or every
        // failed resume would leave a subscriber behind that holds the ring's head and counts against the limits.
        KafkaConsumer<byte[], byte[]> replay = null;
        try {
            replay = replays.get();
            return new ResumingSubscription(replay, topic.partitions(joinedAt.partitions()), from.get(), joinedAt, live);
        } catch (RuntimeException e) {
            if (replay != null) {
                replay.close(CloseOptions.timeout(Duration.ZERO));
            }
            live.close();
            throw e;
        }
    }

    /**
     * An id naming more partitions than this instance reads may come from an instance that noticed partitions
     * added to the topic before this one did. If the topic has them (the feed's own consumer may not refresh its
     * metadata for another check interval), the feed follows them now, and the subscriber resumes instead of
     * being refused.
     */
    private AlertPosition resumePosition(String id) {
        int named = AlertPosition.parse(id).map(AlertPosition::partitions).orElse(0);
        if (named > position.now().partitions() && named <= topic.partitionsNow(CATCH_UP, CATCH_UP)) {
            position.awaitPartitions(named, CATCH_UP, this::isRunning);
        }
        return AlertPosition.parse(id, position.now().partitions())
                .orElseThrow(() -> new InvalidValueException("Last-Event-ID (or since) is not an event id of this stream"));
    }

    /** Completes, saying what failed, if the feed's thread ends other than by {@link #close()}; it does not come back. */
    public CompletionStage<String> failure() {
        return failure;
    }

    /** Whether the feed still reads the topic: once its thread has stopped, no subscriber gets another alert. */
    public boolean isRunning() {
        return thread.isAlive() && !closing;
    }

    /**
     * The live consumer's figures (lag per alerts partition, fetch latency) and the time from a detection to its alert
     * being readable here, committed ({@code intellisite_alerts_latency_seconds}), as meters.
     */
    public List<MeterBinder> meters() {
        return List.of(new KafkaClientMetrics(consumer), latency);
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
        ring.close();
    }
}
