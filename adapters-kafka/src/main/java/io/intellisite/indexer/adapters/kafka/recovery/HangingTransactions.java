package io.intellisite.indexer.adapters.kafka.recovery;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.utils.Utils;

/**
 * Ends the pipeline's transactions that their coordinator should have ended and did not, with the Admin API of
 * KIP-664 (what {@code kafka-transactions.sh find-hanging} and {@code abort} do): a transaction left open holds
 * back every {@code read_committed} reader of the partitions it wrote, and pending offsets it left in the group
 * keep the next owner of those partitions from starting at all. Three kinds are looked for:
 * <ul>
 * <li>open at its coordinator for longer than its own timeout plus {@code grace}: fenced, which makes the
 *     coordinator abort it and write its markers again;</li>
 * <li>open on a partition (records or pending offsets without their end marker) whose producer's coordinator lists
 *     it as ended other than by a commit, the last write older than {@code grace} (2 s at start, before the pipeline
 *     starts: see {@link #resolveBeforeStart()}): the abort marker is written there directly;</li>
 * <li>the same, where the coordinator completed a commit: finished as a commit on the group's offsets, aborted
 *     everywhere when no partition looked at got its marker, or reported (see {@link UnfinishedCommit}).</li>
 * </ul>
 * Only transactions whose timeout has long passed, or whose coordinator has finished with them seconds ago or more,
 * are touched, so a live one, on this instance or another, never is; and only this application's.
 */
public final class HangingTransactions {
    private static final System.Logger LOG = System.getLogger(HangingTransactions.class.getName());
    private static final Set<TransactionState> OPEN = Set.of(TransactionState.ONGOING, TransactionState.PREPARE_ABORT,
            TransactionState.PREPARE_COMMIT);
    /** How long one admin request may take, here and in {@link UnfinishedCommit}. */
    static final Duration ASK = Duration.ofSeconds(10);
    /** A coordinator writes a transaction's markers within milliseconds of its end; seconds later, one missing is lost. */
    private static final Duration BEFORE_START = Duration.ofSeconds(2);
    /** A broker's failure is noticed in its session (9 s by default), then a new leader loads the transaction log. */
    private static final Duration COORDINATOR_BEFORE_START = Duration.ofSeconds(30);
    private final Admin admin;
    private final String applicationId;
    private final Collection<String> outputTopics;
    private final Duration grace;
    private final UnfinishedCommit unfinished;
    private final CoordinatorListing coordinators;

    /**
     * The pipeline of {@code applicationId}: Kafka Streams names its group after it and its producers
     * {@code <application id>-<process id>-<thread>}; {@code outputTopics} are the topics its transactions write,
     * the first one never read by its group.
     */
    public HangingTransactions(KafkaCluster cluster, Admin admin, String applicationId, List<String> outputTopics, Duration grace) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.outputTopics = List.copyOf(outputTopics);
        this.grace = grace;
        this.unfinished = new UnfinishedCommit(cluster, admin, applicationId, new TopicPartition(outputTopics.getFirst(), 0));
        this.coordinators = new CoordinatorListing(admin);
    }

    /**
     * Resolves what hangs on the coordinators, then on the partitions a transaction of the pipeline writes: those of
     * the output topics and the one of {@code __consumer_offsets} that holds the group's offsets. Returns how many it ended.
     */
    public int resolve() {
        return resolve(grace, Duration.ZERO);
    }

    /**
     * The same, before this instance's pipeline starts: an orphan needs to be only {@link #BEFORE_START} old. Its
     * coordinator tells how it ended only until the producer's next start (Kafka Streams' first one here), after
     * which it lists the producer as Empty; a restart can come sooner than {@code grace} after the crash. So an
     * orphan's producer that no coordinator lists yet is waited for, up to {@link #COORDINATOR_BEFORE_START}.
     */
    public int resolveBeforeStart() {
        return resolve(BEFORE_START, COORDINATOR_BEFORE_START);
    }

    private int resolve(Duration orphanedFor, Duration awaitCoordinators) {
        int fenced = SweepStep.run("fence expired transactions", this::fenceExpired, System.nanoTime());
        // One budget for the orphans' step: its retries after a failure and its wait for a coordinator share it.
        long deadline = System.nanoTime() + awaitCoordinators.toNanos();
        return fenced + SweepStep.run("end orphaned transactions", () -> endOrphaned(partitionsWrittenBy(applicationId, outputTopics),
                orphanedFor, awaitCoordinators.isZero() ? Duration.ZERO : Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))),
                deadline);
    }

    private List<TopicPartition> partitionsWrittenBy(String group, Collection<String> outputTopics) throws Exception {
        // Kafka Streams creates its internal topics at the group's first assignment: until then they are not asked about.
        Set<String> existing = admin.listTopics().names().get(ASK.toSeconds(), TimeUnit.SECONDS);
        List<String> written = outputTopics.stream().filter(existing::contains).toList();
        List<String> topics = new ArrayList<>(written);
        topics.add(Topic.GROUP_METADATA_TOPIC_NAME);
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(ASK.toSeconds(), TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        written.forEach(t -> described.get(t).partitions().forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
        // Where the group coordinator keeps a group: the broker's own rule (GroupCoordinator#partitionFor).
        int offsetsPartitions = described.get(Topic.GROUP_METADATA_TOPIC_NAME).partitions().size();
        partitions.add(new TopicPartition(Topic.GROUP_METADATA_TOPIC_NAME, Utils.abs(group.hashCode()) % offsetsPartitions));
        return partitions;
    }

    private int fenceExpired() throws Exception {
        Collection<TransactionListing> listed = admin.listTransactions(new ListTransactionsOptions()
                        .filterStates(OPEN).filterOnDuration(grace.toMillis())
                        .filterOnTransactionalIdPattern("^" + Pattern.quote(applicationId + "-") + ".*"))
                .all().get(ASK.toSeconds(), TimeUnit.SECONDS);
        if (listed.isEmpty()) {
            return 0;
        }
        long now = System.currentTimeMillis();
        Map<String, TransactionDescription> described = admin.describeTransactions(listed.stream()
                .map(TransactionListing::transactionalId).toList()).all().get(ASK.toSeconds(), TimeUnit.SECONDS);
        List<String> expired = described.entrySet().stream()
                .filter(e -> OPEN.contains(e.getValue().state()) && e.getValue().transactionStartTimeMs().isPresent()
                        && now - e.getValue().transactionStartTimeMs().getAsLong() > e.getValue().transactionTimeoutMs() + grace.toMillis())
                .map(Map.Entry::getKey).toList();
        if (!expired.isEmpty()) {
            LOG.log(Level.WARNING, "fencing " + expired.size() + " transaction(s) open past their timeout: " + expired);
            admin.fenceProducers(expired).all().get(ASK.toSeconds(), TimeUnit.SECONDS);
        }
        return expired.size();
    }

    private int endOrphaned(Collection<TopicPartition> partitions, Duration orphanedFor, Duration awaitCoordinators) throws Exception {
        if (partitions.isEmpty()) {
            return 0;
        }
        long now = System.currentTimeMillis();
        List<AbortTransactionSpec> candidates = new ArrayList<>();
        admin.describeProducers(partitions).all().get(ASK.toSeconds(), TimeUnit.SECONDS).forEach((tp, description) -> {
            for (ProducerState p : description.activeProducers()) {
                if (p.currentTransactionStartOffset().isPresent() && now - p.lastTimestamp() > orphanedFor.toMillis()) {
                    // As kafka-transactions.sh abort does: a producer that never saw a marker has no coordinator epoch.
                    int coordinatorEpoch = Math.max(0, p.coordinatorEpoch().orElse(0));
                    candidates.add(new AbortTransactionSpec(tp, p.producerId(), (short) p.producerEpoch(), coordinatorEpoch));
                }
            }
        });
        if (candidates.isEmpty()) {
            return 0;
        }
        // Only a transaction its coordinator knows, and has finished with, is ended here; one it still has open is its
        // own to end (or fenceExpired's). One not listed may be a commit its coordinator has yet to load: an abort
        // written first dropped 2 committed alerts in a CrashSoakTest run. A completed commit is UnfinishedCommit's.
        Map<Long, TransactionListing> listed = coordinators.ask(candidates.stream().map(AbortTransactionSpec::producerId)
                .collect(Collectors.toSet()), awaitCoordinators);
        int ended = 0;
        Map<String, List<AbortTransactionSpec>> completedCommits = new TreeMap<>();
        for (AbortTransactionSpec spec : candidates) {
            TransactionListing coordinator = listed.get(spec.producerId());
            // The offsets partition holds other applications' groups too: their transactions are not ours to end.
            if (coordinator == null || OPEN.contains(coordinator.state()) || !coordinator.transactionalId().startsWith(applicationId + "-")) {
                continue;
            }
            if (coordinator.state() == TransactionState.COMPLETE_COMMIT) {
                completedCommits.computeIfAbsent(coordinator.transactionalId(), id -> new ArrayList<>()).add(spec);
                continue;
            }
            LOG.log(Level.WARNING, "aborting a transaction left open on " + spec.topicPartition() + " by producer "
                    + spec.producerId() + " (epoch " + spec.producerEpoch() + "), which its coordinator ended as " + coordinator.state());
            admin.abortTransaction(spec).all().get(ASK.toSeconds(), TimeUnit.SECONDS);
            ended++;
        }
        for (var commit : completedCommits.entrySet()) {
            ended += unfinished.end(commit.getKey(), commit.getValue());
        }
        return ended;
    }
}
