package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.StageLatency;
import io.intellisite.indexer.application.port.in.detection.IndexDetectionsUseCase;
import io.intellisite.indexer.application.port.in.detection.IndexResult;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Indexes every valid detection in PostgreSQL, exactly once in effect: poll a batch, store it in one
 * transaction, and only then commit the offsets that cover it. A crash between the two replays the batch, and
 * since a detection is identified by its topic's id, partition and offset the replay inserts nothing, while the
 * records of a topic created again under the same name (offsets from 0 again) are new. A detection the database refuses
 * for its content goes to the dead-letter topic before the offsets past it are committed; an unavailable
 * database stops nothing but this loop, which retries the whole batch with back-off.
 *
 * <p>Why a consumer loop of its own and not a state store flushed by Kafka Streams: since KIP-1035 (Kafka 4.x)
 * Streams commits stores after it commits offsets, and under exactly-once only at checkpoints, so a store
 * can no longer make a batch durable before its offsets are committed. A plain consumer gives that order
 * directly, with batches as large as a poll. Instances with the same group share the partitions.
 */
public final class DetectionIndexer implements Runnable, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DetectionIndexer.class.getName());
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final TopicIds topicIds;
    private final IndexDetectionsUseCase index;
    private final Duration maxBackoff;
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final UnstorableDeadLetters deadLetters;
    private final StageLatency latency = new StageLatency("intellisite.detections.indexing.latency",
            "time from a detection to its row committed by this instance's indexer");
    private volatile boolean healthy = true;
    private volatile Metric lag;
    private volatile boolean closing;
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private final RetriedPartitions retried = new RetriedPartitions();
    private Thread thread;

    public DetectionIndexer(KafkaCluster cluster, String groupId, String topic, String deadLetterTopic, TopicIds topicIds,
                            IndexDetectionsUseCase index, Duration maxBackoff, Map<String, Object> extra) {
        this.consumer = new KafkaConsumer<>(IndexerConsumerConfig.of(cluster, groupId, extra), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.topicIds = topicIds;
        this.index = index;
        this.maxBackoff = maxBackoff;
        this.deadLetters = new UnstorableDeadLetters(cluster, deadLetterTopic);
    }

    /**
     * The indexer's consumer's figures (lag per partition, fetch rate and latency) and the time from a detection to
     * its row committed ({@code intellisite_detections_indexing_latency_seconds}), as meters.
     */
    public List<MeterBinder> meters() {
        return List.of(new KafkaClientMetrics(consumer), latency);
    }

    public void start() {
        thread = Thread.ofPlatform().name("detection-indexer").start(this);
    }

    /**
     * Only {@link #close()} stops this loop (through {@code closing} and {@code wakeup()}), never an interrupt:
     * code this thread calls may leave one set when it fails (a library re-asserting one it caught), and ending
     * on it would hand this instance's partitions to the others and keep its readiness down for good.
     */
    @Override
    public void run() {
        consumer.subscribe(Set.of(topic));
        long backoffMillis = 100;
        try {
            while (!closing) {
                clearStrayInterrupt();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (lag == null) {
                    lag = consumer.metrics().entrySet().stream()
                            .filter(m -> m.getKey().name().equals("records-lag-max") && m.getKey().tags().size() == 1)
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                }
                if (records.isEmpty()) {
                    forgetBatchesMovedElsewhere();
                    continue;
                }
                try {
                    IndexResult result = index.index(PolledBatches.detections(records, topicIds));
                    if (!result.refused().isEmpty()) {
                        deadLetters.send(records, result.refused());
                        deadLettered.addAndGet(result.refused().size());
                    }
                    indexed.addAndGet(result.stored());
                    records.forEach(r -> latency.since(r.timestamp()));
                    consumer.commitSync(PolledBatches.nextOffsets(records));
                    healthy = true;
                    retried.clear();
                    backoffMillis = 100;
                } catch (RuntimeException e) {
                    if (closing) {
                        break;
                    }
                    healthy = false;
                    LOG.log(Level.WARNING, "indexing failed, retrying in " + backoffMillis + " ms: " + e.getMessage());
                    retried.rewind(consumer, records);
                    pause(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
                }
            }
        } catch (WakeupException stop) {
            // closing
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the detection indexer stopped; readiness reports it down", e);
            failure.complete("a detection indexer stopped for good (" + e + ")");
        } finally {
            // Leave on purpose: a static member (see StableInstanceId) would otherwise keep its partitions from the
            // other instances until its session timed out.
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(10))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            deadLetters.close();
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException stray) {
            LOG.log(Level.WARNING, "indexer back-off interrupted by something other than close(); going on");
        }
    }

    private void clearStrayInterrupt() {
        if (Thread.interrupted()) {
            LOG.log(Level.WARNING, "indexer thread found interrupted by something other than close(); going on");
        }
    }

    private void forgetBatchesMovedElsewhere() {
        if (!healthy) {
            healthy = retried.noneLeftIn(consumer.assignment());
        }
    }

    /**
     * Completes, saying what failed, if the indexer's thread ends other than by {@link #close()}: a fatal consumer
     * error (fenced by a newer member of its static id, say), after which nothing in this process starts it again.
     */
    public CompletionStage<String> failure() {
        return failure;
    }

    /** False while the last attempt to store a batch failed (the database is unreachable, say). */
    public boolean isHealthy() {
        return healthy && thread != null && thread.isAlive();
    }

    /** The largest lag, in records, of this consumer's partitions in the last metrics window (0 before any). */
    public double lag() {
        Metric m = lag;
        return m != null && m.metricValue() instanceof Double d && !d.isNaN() ? d : 0;
    }

    /** Records this instance sent to the dead-letter topic because the database refused them. */
    public long deadLetterCount() {
        return deadLettered.get();
    }

    /** Detections newly stored by this instance since it started (replays are not counted). */
    public long indexedCount() {
        return indexed.get();
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        if (thread != null) {
            thread.join(15_000);
        }
    }
}
