package io.intellisite.indexer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.domain.alert.PendingMatches;
import io.intellisite.indexer.domain.alert.PendingMatches.Match;
import io.intellisite.indexer.domain.alert.RuleWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sliding window's policy, one match at a time, with the stream time a task would have. */
class PendingMatchesTest {
    private static final long MINUTE = 60_000;
    /** 3 within a minute, 10 s of grace. */
    private static final RuleWindow THREE_A_MINUTE = new RuleWindow(3, Duration.ofMinutes(1), RuleWindow.GroupBy.MAKE,
            Duration.ofSeconds(10));
    private PendingMatches pending = PendingMatches.NONE;
    private long streamTime = Long.MIN_VALUE;
    private final List<List<Long>> fired = new ArrayList<>();

    private PendingMatches.Outcome add(long at) {
        streamTime = Math.max(streamTime, at);
        PendingMatches.Outcome outcome = pending.add(new Match(at, UUID.randomUUID()), THREE_A_MINUTE, streamTime);
        pending = outcome.pending();
        if (!outcome.fired().isEmpty()) {
            fired.add(outcome.fired().stream().map(Match::at).toList());
        }
        return outcome;
    }

    @Test
    void firesWhenTheCountFallsWithinTheWindowBothEndsIncluded() {
        add(0);
        add(30_000);
        assertEquals(List.of(), fired);
        add(MINUTE);
        assertEquals(List.of(List.of(0L, 30_000L, MINUTE)), fired);
        assertTrue(pending.isEmpty(), "the window's matches are spent");
    }

    @Test
    void matchesFurtherApartThanTheWindowNeverFire() {
        for (long at = 0; at < 20 * MINUTE; at += 30_001) {
            add(at);
        }
        assertEquals(List.of(), fired);
        assertTrue(pending.matches().size() <= 3 * (THREE_A_MINUTE.count() - 1), "bounded: " + pending);
    }

    @Test
    void aBurstRaisesOneAlertPerCountOfNewMatches() {
        for (int i = 0; i < 7; i++) {
            add(i * 1_000L);
        }
        assertEquals(List.of(List.of(0L, 1_000L, 2_000L), List.of(3_000L, 4_000L, 5_000L)), fired);
        assertEquals(1, pending.matches().size());
    }

    @Test
    void aLateMatchWithinTheGraceCountsInTheWindowsItBelongsTo() {
        add(0);
        add(50_000);
        add(125_000); // 0 and 50 s are no longer in a window with 125 s
        PendingMatches.Outcome late = add(118_000); // 7 s behind: within the grace, and 68 s after 50 s
        assertFalse(late.late());
        assertEquals(List.of(), fired);
        add(116_000); // 116, 118, 125 lie within a minute
        assertEquals(List.of(List.of(116_000L, 118_000L, 125_000L)), fired);
    }

    @Test
    void aMatchLaterThanTheGraceIsNotCounted() {
        add(100_000);
        add(101_000);
        PendingMatches.Outcome late = add(90_999); // 10.001 s behind the stream time
        assertTrue(late.late());
        assertEquals(List.of(), fired);
        assertEquals(2, pending.matches().size());
        add(91_000); // exactly the grace behind: still counted
        assertEquals(List.of(List.of(91_000L, 100_000L, 101_000L)), fired);
    }

    @Test
    void theSameDetectionCountsOnce() {
        UUID id = UUID.randomUUID();
        PendingMatches once = pending.add(new Match(0, id), THREE_A_MINUTE, 0).pending();
        PendingMatches twice = once.add(new Match(0, id), THREE_A_MINUTE, 0).pending();
        assertEquals(once, twice);
    }

    @Test
    void expiryDropsWhatNoWindowToComeCanHold() {
        add(0);
        add(5_000);
        assertEquals(2, pending.expire(THREE_A_MINUTE, 70_000).matches().size());
        assertEquals(1, pending.expire(THREE_A_MINUTE, 70_001).matches().size());
        assertTrue(pending.expire(THREE_A_MINUTE, 75_001).isEmpty());
    }
}
