package io.intellisite.indexer.adapters.kafka.recovery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer group moves on the partitions of {@code topics} the group gave this instance's members: a
 * partition with records waiting (its end past the group's committed offset) whose committed offset has not moved
 * for {@code stallAfter} is stalled. A stream task that cannot initialise (its committed offset never becomes
 * stable, say) looks from the outside exactly like a quiet stream, and Kafka Streams lists only the tasks it got
 * running; so the assignment, the offsets and the ends are all asked of the broker. {@link #sample()} is called
 * every few seconds; the answers are from the last one.
 */
public final class GroupProgress {
    private final Admin admin;
    private final String group;
    private final Set<String> topics;
    private final Supplier<Set<String>> memberClientIds;
    private final Duration stallAfter;
    private final LongSupplier nanoClock;
    private final Map<TopicPartition, Long> committedSeen = new HashMap<>();
    private final Map<TopicPartition, Long> movedAt = new HashMap<>();
    private volatile Status status = new Status(0, 0, Optional.empty());

    /** What the last sample found: records waiting, the longest time without progress while some were, and why. */
    public record Status(long waiting, long stalledNanos, Optional<String> stall) {
    }

    /**
     * {@code topics}: every topic the group reads (the pipeline's include its repartition topic, where a hanging
     * transaction stalls the windowed rules alone); {@code memberClientIds}: the client ids of this instance's consumers
     * in the group.
     */
    public GroupProgress(Admin admin, String group, Set<String> topics, Supplier<Set<String>> memberClientIds, Duration stallAfter) {
        this(admin, group, topics, memberClientIds, stallAfter, System::nanoTime);
    }

    GroupProgress(Admin admin, String group, Set<String> topics, Supplier<Set<String>> memberClientIds, Duration stallAfter,
                  LongSupplier nanoClock) {
        this.admin = admin;
        this.group = group;
        this.topics = Set.copyOf(topics);
        this.memberClientIds = memberClientIds;
        this.stallAfter = stallAfter;
        this.nanoClock = nanoClock;
    }

    /** Asks the broker for the group's committed offsets and the partitions' ends; a failed ask changes nothing. */
    public synchronized void sample() {
        Set<TopicPartition> mine;
        Map<TopicPartition, OffsetAndMetadata> committed;
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends;
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts;
        try {
            mine = assignedToThisInstance();
            if (mine.isEmpty()) {
                observe(mine, Map.of(), Map.of(), Map.of());
                return;
            }
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            ends = admin.listOffsets(specs(mine, OffsetSpec.latest())).all().get(5, TimeUnit.SECONDS);
            starts = admin.listOffsets(specs(mine, OffsetSpec.earliest())).all().get(5, TimeUnit.SECONDS);
        } catch (Exception brokerAway) {
            return; // the broker check says so; progress is judged when there is something to judge
        }
        observe(mine, committed, ends, starts);
    }

    void observe(Set<TopicPartition> mine, Map<TopicPartition, OffsetAndMetadata> committed,
                 Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends,
                 Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts) {
        long now = nanoClock.getAsLong();
        long waiting = 0;
        long worst = 0;
        String reason = null;
        for (TopicPartition tp : mine) {
            if (!ends.containsKey(tp) || !starts.containsKey(tp)) {
                continue;
            }
            OffsetAndMetadata c = committed.get(tp);
            long at = c == null ? starts.get(tp).offset() : Math.max(c.offset(), starts.get(tp).offset());
            long behind = Math.max(0, ends.get(tp).offset() - at);
            Long before = committedSeen.put(tp, at);
            if (behind == 0 || before == null || before != at) {
                movedAt.put(tp, now);
            }
            waiting += behind;
            long still = now - movedAt.get(tp);
            if (behind > 0 && still > worst) {
                worst = still;
                reason = "no progress for " + TimeUnit.NANOSECONDS.toSeconds(still) + " s on " + tp + " with " + behind
                        + " record(s) waiting (group " + group + ")";
            }
        }
        committedSeen.keySet().retainAll(mine);
        movedAt.keySet().retainAll(mine);
        status = new Status(waiting, worst, worst > stallAfter.toNanos() ? Optional.ofNullable(reason) : Optional.empty());
    }

    private Set<TopicPartition> assignedToThisInstance() throws Exception {
        Set<String> ours = memberClientIds.get();
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(5, TimeUnit.SECONDS).members().stream()
                .filter(member -> ours.contains(member.clientId()))
                .flatMap(member -> member.assignment().topicPartitions().stream())
                .filter(tp -> topics.contains(tp.topic()))
                .collect(Collectors.toSet());
    }

    public Status status() {
        return status;
    }

    private static Map<TopicPartition, OffsetSpec> specs(Set<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(tp -> specs.put(tp, spec));
        return specs;
    }
}
