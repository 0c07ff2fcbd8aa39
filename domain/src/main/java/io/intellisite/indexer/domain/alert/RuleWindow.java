package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.Detection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What makes a rule windowed: it fires when {@code count} matching detections of one group fall within
 * {@code within} of each other (event time), and a detection may arrive up to {@code grace} behind the newest one
 * seen and still count. Grace is at most the window, so what one group keeps is bounded: see {@link PendingMatches}.
 */
public record RuleWindow(int count, Duration within, GroupBy groupBy, Duration grace) {
    public static final int MAX_COUNT = 100;
    public static final Duration MAX_WITHIN = Duration.ofDays(1);
    public static final Duration MAX_GRACE = Duration.ofHours(1);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /** What detections must share to count together; {@code NONE} counts every match of the rule together. */
    public enum GroupBy {
        NONE, MAKE, MODEL, CATEGORY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static GroupBy fromWireName(String name) {
            for (GroupBy g : values()) {
                if (g != NONE && g.wireName().equals(name)) {
                    return g;
                }
            }
            throw new InvalidValueException("groupBy must be make, model or category");
        }

        /**
         * The groups a detection counts in: one, or one per listed category; lower case, since conditions compare
         * text ignoring case and "Toyota" and "TOYOTA" are one make.
         */
        public List<String> groups(Detection d) {
            return switch (this) {
                case NONE -> List.of("");
                case MAKE -> List.of(normal(d.make()));
                case MODEL -> List.of(normal(d.model()));
                case CATEGORY -> d.categories().stream().map(GroupBy::normal).distinct().toList();
            };
        }

        private static String normal(String text) {
            return text.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Ten seconds, or the whole window when it is shorter. */
    public static Duration defaultGrace(Duration within) {
        return within.compareTo(DEFAULT_GRACE) < 0 ? within : DEFAULT_GRACE;
    }

    public RuleWindow {
        Require.present(within, "within");
        Require.present(groupBy, "groupBy");
        Require.present(grace, "grace");
        if (count < 2 || count > MAX_COUNT) {
            throw new InvalidValueException("window count must be 2 to " + MAX_COUNT + " (a count of 1 is a rule without a window)");
        }
        if (within.compareTo(Duration.ofSeconds(1)) < 0 || within.compareTo(MAX_WITHIN) > 0 || within.toNanosPart() % 1_000_000 != 0) {
            throw new InvalidValueException("window within must be from PT1S to P1D, in whole milliseconds");
        }
        if (grace.isNegative() || grace.compareTo(within) > 0 || grace.compareTo(MAX_GRACE) > 0 || grace.toNanosPart() % 1_000_000 != 0) {
            throw new InvalidValueException("window grace must be from PT0S to the window's within, at most PT1H, in whole milliseconds");
        }
    }
}
