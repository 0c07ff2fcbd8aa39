package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one written form of a rule's window, as plain maps for every adapter, like {@link RuleConditions}:
 * {@code {"count": 3, "within": "PT1M", "groupBy": "make", "grace": "PT10S"}} ({@code groupBy} and {@code grace} optional; grace defaults to 10 s or the window, whichever is shorter).
 */
public final class RuleWindows {
    private static final Set<String> FIELDS = Set.of("count", "within", "groupBy", "grace");

    private RuleWindows() {
    }

    public static Map<String, Object> toMap(RuleWindow window) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", window.count());
        out.put("within", window.within().toString());
        if (window.groupBy() != RuleWindow.GroupBy.NONE) {
            out.put("groupBy", window.groupBy().wireName());
        }
        out.put("grace", window.grace().toString());
        return out;
    }

    /** Parses the written form; {@code null} (no window) stays null. Unknown fields and wrong types are refused. */
    public static RuleWindow fromMap(Object written) {
        if (written == null) {
            return null;
        }
        if (!(written instanceof Map<?, ?> map)) {
            throw new InvalidValueException("window must be an object: {\"count\": 3, \"within\": \"PT1M\", \"groupBy\": \"make\"}");
        }
        for (Object field : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(field))) {
                throw new InvalidValueException("unknown window field '" + field + "': use count, within, groupBy or grace");
            }
        }
        if (!(map.get("count") instanceof Integer count)) {
            throw new InvalidValueException("window count must be a whole number");
        }
        Object groupBy = map.get("groupBy");
        if (groupBy != null && !(groupBy instanceof String)) {
            throw new InvalidValueException("groupBy must be make, model or category");
        }
        Duration within = duration(map.get("within"), "within");
        return new RuleWindow(count, within,
                groupBy == null ? RuleWindow.GroupBy.NONE : RuleWindow.GroupBy.fromWireName((String) groupBy),
                map.containsKey("grace") ? duration(map.get("grace"), "grace") : RuleWindow.defaultGrace(within));
    }

    private static Duration duration(Object value, String field) {
        if (value instanceof String text) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw new InvalidValueException("window " + field + " must be an ISO-8601 duration, e.g. PT1M");
    }
}
