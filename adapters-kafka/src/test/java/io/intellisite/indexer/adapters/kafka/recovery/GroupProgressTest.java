package io.intellisite.indexer.adapters.kafka.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** When a partition counts as stalled: records waiting and the group's committed offset not moving, for long enough. */
class GroupProgressTest {
    private static final TopicPartition P0 = new TopicPartition("detections", 0);
    private static final Duration STALL_AFTER = Duration.ofSeconds(30);
    private final AtomicLong now = new AtomicLong();
    private final GroupProgress progress = new GroupProgress(null, "app", Set.of("detections"), Set::of, STALL_AFTER, now::get);

    @Test
    void recordsWaitingWithTheCommittedOffsetStillForLongerThanTheThresholdIsAStall() {
        observe(100, 500);
        assertEquals(400, progress.status().waiting());
        at(Duration.ofSeconds(29));
        observe(100, 600);
        assertEquals(Optional.empty(), progress.status().stall(), "not yet");
        at(Duration.ofSeconds(31));
        observe(100, 600);
        assertTrue(progress.status().stall().orElseThrow().contains("no progress for 31 s on detections-0 with 500 record(s) waiting"),
                progress.status().stall().toString());
        at(Duration.ofSeconds(35));
        observe(101, 600);
        assertEquals(Optional.empty(), progress.status().stall(), "moving again");
        assertEquals(0, progress.status().stalledNanos());
    }

    @Test
    void aQuietStreamIsNoStallHoweverLong() {
        observe(500, 500);
        at(Duration.ofHours(3));
        observe(500, 500);
        assertEquals(Optional.empty(), progress.status().stall());
        assertEquals(0, progress.status().waiting());
    }

    @Test
    void aGroupThatNeverCommittedCountsFromTheStartOfThePartition() {
        observeUncommitted(50, 80);
        at(Duration.ofMinutes(1));
        observeUncommitted(50, 80);
        assertEquals(30, progress.status().waiting());
        assertTrue(progress.status().stall().isPresent(), "a task that never started");
    }

    private void at(Duration sinceStart) {
        now.set(sinceStart.toNanos());
    }

    private void observe(long committed, long end) {
        progress.observe(Set.of(P0), Map.of(P0, new OffsetAndMetadata(committed)), Map.of(P0, offset(end)), Map.of(P0, offset(0)));
    }

    private void observeUncommitted(long start, long end) {
        progress.observe(Set.of(P0), Map.of(), Map.of(P0, offset(end)), Map.of(P0, offset(start)));
    }

    private static ListOffsetsResultInfo offset(long offset) {
        return new ListOffsetsResultInfo(offset, -1, Optional.empty());
    }
}
