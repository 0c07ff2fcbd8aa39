package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The matches of one windowed rule and group that no alert has counted yet, oldest first. The window slides:
 * a match fires the rule when it and {@code count - 1} others lie within {@code within} of each other, and the
 * matches of that window are spent, so a burst of 7 with a count of 3 raises 2 alerts, not 5. No window ever holds
 * {@code count} unspent matches, and matches older than {@code streamTime - grace - within} can join no window a
 * match still to come may open, so they are dropped: at most {@code 3 (count - 1)} matches are kept.
 */
public record PendingMatches(List<Match> matches) {
    private static final Comparator<Match> ORDER = (a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at())
            : a.detectionId().compareTo(b.detectionId());
    public static final PendingMatches NONE = new PendingMatches(List.of());

    /** One matching detection at its event time (epoch milliseconds). */
    public record Match(long at, UUID detectionId) {
        public Match {
            Require.present(detectionId, "detection id");
        }
    }

    /** {@code fired}: the matches of the window this one completed, oldest first; empty when none. */
    public record Outcome(PendingMatches pending, List<Match> fired, boolean late) {
    }

    public PendingMatches {
        matches = sorted(matches) ? List.copyOf(matches) : matches.stream().sorted(ORDER).toList();
    }

    public boolean isEmpty() {
        return matches.isEmpty();
    }

    /**
     * Counts {@code match}, which arrived when the newest event time seen was {@code streamTime}. A match more
     * than the grace behind it is late: it is not counted, since the windows it belongs to may have been decided.
     */
    // Run for every match of every windowed rule: plain loops over a list kept in order, no sorting (which took
    // 13 % of the stream thread in `bench windows` when each call sorted).
    public Outcome add(Match match, RuleWindow window, long streamTime) {
        if (match.at() < streamTime - window.grace().toMillis()) {
            return new Outcome(this, List.of(), true);
        }
        long oldest = oldestUseful(window, streamTime);
        List<Match> all = new ArrayList<>(matches.size() + 1);
        int at = -1;
        for (Match m : matches) {
            if (m.detectionId().equals(match.detectionId())) {
                return new Outcome(this, List.of(), false);
            }
            if (at < 0 && ORDER.compare(match, m) < 0) {
                at = all.size();
                all.add(match);
            }
            if (m.at() >= oldest) {
                all.add(m);
            }
        }
        if (at < 0) {
            at = all.size();
            all.add(match);
        }
        int n = window.count();
        long within = window.within().toMillis();
        // Only a window holding the new match can have reached the count; the earliest one fires.
        for (int first = Math.max(0, at - n + 1); first <= at && first + n <= all.size(); first++) {
            if (all.get(first + n - 1).at() - all.get(first).at() <= within) {
                List<Match> fired = List.copyOf(all.subList(first, first + n));
                all.subList(first, first + n).clear();
                return new Outcome(new PendingMatches(all), fired, false);
            }
        }
        return new Outcome(new PendingMatches(all), List.of(), false);
    }

    /** Without the matches no window still to come can hold. */
    public PendingMatches expire(RuleWindow window, long streamTime) {
        long oldest = oldestUseful(window, streamTime);
        List<Match> kept = new ArrayList<>(matches.size());
        for (Match m : matches) {
            if (m.at() >= oldest) {
                kept.add(m);
            }
        }
        return kept.size() == matches.size() ? this : new PendingMatches(kept);
    }

    private static long oldestUseful(RuleWindow window, long streamTime) {
        return streamTime - window.grace().toMillis() - window.within().toMillis();
    }

    private static boolean sorted(List<Match> matches) {
        for (int i = 1; i < matches.size(); i++) {
            if (ORDER.compare(matches.get(i - 1), matches.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }
}
