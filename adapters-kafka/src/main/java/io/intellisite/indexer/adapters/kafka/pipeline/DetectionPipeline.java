package io.intellisite.indexer.adapters.kafka.pipeline;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.rules.GlobalAlertRuleTable;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Runs the {@link DetectionTopology} with exactly-once (v2) processing. Instances that share the application
 * id share the partitions. A failure (the database down, say) replaces the stream thread after a back-off;
 * the aborted transaction means its records are simply processed again. The global thread that keeps the rules
 * cannot be replaced: when it fails, the pipeline has stopped for good, and {@link #failure()} says so.
 */
public final class DetectionPipeline implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DetectionPipeline.class.getName());
    private final KafkaStreams streams;
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private volatile String lastThreadFailure = "no thread failed";

    /**
     * The knobs of the pipeline; {@code instanceId} names this instance's consumers as static members of the group
     * (see {@link StableInstanceId}); {@code extra} passes any Kafka Streams setting through (client settings with
     * Streams' prefixes: {@code consumer.}, {@code producer.}, {@code global.consumer.}), except the
     * processing guarantee, application id and bootstrap servers; the cluster's shared client settings go under them.
     */
    public record Settings(KafkaCluster cluster, String applicationId, Path stateDir, String instanceId, int threads,
                           Duration commitInterval, Duration failureBackoff, Map<String, String> extra) {
    }

    public DetectionPipeline(DetectionTopology topology, Settings settings) {
        this.streams = new KafkaStreams(topology.topology(), properties(settings));
        streams.setUncaughtExceptionHandler(e -> {
            lastThreadFailure = e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "");
            if (Thread.currentThread().getName().endsWith("-GlobalStreamThread")) {
                // Kafka Streams cannot replace it (it would shut the client down anyway, after the back-off).
                LOG.log(Level.ERROR, "the rules' global thread failed; the pipeline stops: " + lastThreadFailure);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            LOG.log(Level.WARNING, "detection pipeline thread failed, replacing it in " + settings.failureBackoff().toMillis() + " ms: " + e.getMessage());
            sleep(settings.failureBackoff());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                failure.complete("the detection pipeline stopped for good (" + lastThreadFailure + ")");
            }
        });
    }

    /**
     * Completes, saying what failed, once the pipeline has stopped for good (Kafka Streams' ERROR state): its global
     * thread failed, as it does when the rules topic it follows is deleted and made again (its position is then past
     * the new topic's end). Nothing in this process brings it back; a new start rebuilds the rules from the topic.
     */
    public CompletionStage<String> failure() {
        return failure;
    }

    static Properties properties(Settings s) {
        Properties p = new Properties();
        p.putAll(s.cluster().shared());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, s.cluster().bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir().toString());
        // read_committed readers see alerts only when their transaction commits, so the commit interval bounds
        // alert latency. Measured here (BENCHMARKS.md): 100 ms gave p99 146 ms at 5,000 detections/s, 30 ms gave
        // p99 93 ms with no measurable loss of ingest rate, since indexing batches do not depend on it.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) s.commitInterval().toMillis());
        // How long the thread waits in poll when no records come, and so how late a commit that is due can be: 100 ms
        // by default, which held alerts back that long after an idle spell (see PromptCommits). 10 ms took the max
        // at 5/s from 122 - 155 ms to 83 - 90 (BENCHMARKS-LOG.md, 2026-12-03), for a poll every 10 ms while idle.
        p.put(StreamsConfig.POLL_MS_CONFIG, 10);
        // Only the windowed rules' store is cached (see WindowedRuleProcessor): it gathers a commit interval's writes to
        // one group into one changelog record.
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        // The default from Kafka 5.0 (Streams warns at every start without it); GlobalAlertRuleTable already
        // skips records that are not rules, so nothing it keeps reaches the handler.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Streams 4.3.1 reads it again from the main consumer's settings (its assignor's configuration), and warns
        // once more at every start unless it is there too.
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2_000);
        // A crashed instance's partitions move to the others after this long without a heartbeat.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        // Streams appends each thread's index to it.
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), s.applicationId() + "-" + s.instanceId());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.putAll(s.extra());
        // Tuning may be overridden, the guarantee and the identity may not.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, s.cluster().bootstrapServers());
        return p;
    }

    /**
     * Starts from the rules topic, not from local state: the global rule store is persistent only so that Streams
     * keeps this instance's process id (see {@link DetectionTopology}); its checkpoint could name offsets of a rules
     * topic that was since recreated or of another cluster, and reading a few rules again costs next to nothing.
     * Cleaning up keeps the process id, which lives beside the stores.
     */
    public void start() {
        streams.cleanUp();
        streams.start();
    }

    /**
     * Kafka Streams' own figures (records processed, commit and process latency, task and thread state) and those of
     * its clients, as meters; bound once, closed with the pipeline's instance.
     */
    public MeterBinder meters() {
        return new KafkaStreamsMetrics(streams);
    }

    /** Running or rebalancing: the pipeline is doing its job or about to. */
    public boolean isRunning() {
        return streams.state().isRunningOrRebalancing();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The client ids of this instance's consumers in the pipeline's group: how the group knows this instance. */
    public Set<String> consumerClientIds() {
        if (!streams.state().isRunningOrRebalancing()) {
            return Set.of();
        }
        return streams.metadataForLocalThreads().stream().map(ThreadMetadata::consumerClientId).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void close() {
        // Leave the group on purpose: a restart (or the other instances) need not wait out the session timeout.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
