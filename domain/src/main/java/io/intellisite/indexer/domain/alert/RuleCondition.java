package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import io.intellisite.indexer.domain.detection.Detection;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One test on one field of a detection. Text is compared ignoring case and surrounding blanks, as cameras and
 * operators do not agree on capitals. A condition that could never hold is refused when built, so a rule that
 * silently never fires cannot be stored.
 */
public sealed interface RuleCondition {
    /** The detection field this condition tests; a rule tests each field at most once. */
    String field();

    boolean matches(Detection detection);

    /** Any of the detection's listed categories is one of these. */
    record CategoryIn(Set<String> categories) implements RuleCondition {
        public CategoryIn {
            categories = normalisedSet(categories, "category");
            if (categories.stream().anyMatch(c -> c.contains(","))) {
                throw new InvalidValueException("a category cannot contain a comma: detections list categories separated by commas");
            }
        }

        @Override
        public String field() {
            return "category";
        }

        @Override
        public boolean matches(Detection detection) {
            for (String category : detection.categories()) {
                if (categories.contains(category.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The make is one of these. */
    record MakeIn(Set<String> makes) implements RuleCondition {
        public MakeIn {
            makes = normalisedSet(makes, "make");
        }

        @Override
        public String field() {
            return "make";
        }

        @Override
        public boolean matches(Detection detection) {
            return makes.contains(detection.make().toLowerCase(Locale.ROOT));
        }
    }

    /** The model equals, or contains, this text. */
    record ModelMatches(String text, boolean contains) implements RuleCondition {
        public ModelMatches {
            text = Require.text(text, "model", Detection.MAX_TEXT).toLowerCase(Locale.ROOT);
        }

        @Override
        public String field() {
            return "model";
        }

        @Override
        public boolean matches(Detection detection) {
            String model = detection.model().toLowerCase(Locale.ROOT);
            return contains ? model.contains(text) : model.equals(text);
        }
    }

    /** The year lies in [from, to]; either bound may be open (null), not both. */
    record YearBetween(Integer from, Integer to) implements RuleCondition {
        public YearBetween {
            int latest = Year.now(ZoneOffset.UTC).getValue() + 1;
            if (from == null && to == null) {
                throw new InvalidValueException("year needs from, to or both");
            }
            if (from != null && to != null && from > to) {
                throw new InvalidValueException("year from " + from + " is after to " + to + ": the rule could never match");
            }
            if ((from != null && from > latest) || (to != null && to < Detection.FIRST_CAR_YEAR)) {
                throw new InvalidValueException("year range lies outside " + Detection.FIRST_CAR_YEAR + ".." + latest
                        + ": the rule could never match");
            }
        }

        @Override
        public String field() {
            return "year";
        }

        @Override
        public boolean matches(Detection detection) {
            return (from == null || detection.year() >= from) && (to == null || detection.year() <= to);
        }
    }

    private static Set<String> normalisedSet(Set<String> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new InvalidValueException(field + " needs at least one value: an empty list could never match");
        }
        if (values.size() > 100) {
            throw new InvalidValueException(field + " lists at most 100 values");
        }
        return values.stream().map(v -> Require.text(v, field, Detection.MAX_TEXT).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
