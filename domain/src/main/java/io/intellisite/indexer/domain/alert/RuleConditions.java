package io.intellisite.indexer.domain.alert;

import io.intellisite.indexer.domain.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one written form of a rule's conditions, as plain maps and lists so that every adapter (HTTP, the
 * database, the rules topic) hands it to its JSON library unchanged:
 * {@code {"category": ["SUV"], "make": ["Toyota"], "model": {"contains": "Cruiser"}, "year": {"from": 2000, "to": 2015}}}.
 */
public final class RuleConditions {
    private RuleConditions() {
    }

    public static Map<String, Object> toMap(List<RuleCondition> conditions) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RuleCondition condition : conditions) {
            switch (condition) {
                case RuleCondition.CategoryIn c -> out.put("category", sorted(c.categories()));
                case RuleCondition.MakeIn m -> out.put("make", sorted(m.makes()));
                case RuleCondition.ModelMatches m -> out.put("model", Map.of(m.contains() ? "contains" : "equals", m.text()));
                case RuleCondition.YearBetween y -> {
                    Map<String, Object> range = new LinkedHashMap<>();
                    if (y.from() != null) {
                        range.put("from", y.from());
                    }
                    if (y.to() != null) {
                        range.put("to", y.to());
                    }
                    out.put("year", range);
                }
            }
        }
        return out;
    }

    /** Parses the written form; unknown fields, wrong types and conditions that could never hold are refused. */
    public static List<RuleCondition> fromMap(Object written) {
        if (!(written instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new InvalidValueException("conditions must be an object with at least one of category, make, model, year");
        }
        List<RuleCondition> conditions = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            conditions.add(switch (String.valueOf(entry.getKey())) {
                case "category" -> new RuleCondition.CategoryIn(strings(value, "category"));
                case "make" -> new RuleCondition.MakeIn(strings(value, "make"));
                case "model" -> model(value);
                case "year" -> year(value);
                default -> throw new InvalidValueException("unknown condition '" + entry.getKey()
                        + "': use category, make, model or year");
            });
        }
        return conditions;
    }

    private static RuleCondition model(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Object text = m.containsKey("equals") ? m.get("equals") : m.get("contains");
            if (text instanceof String s) {
                return new RuleCondition.ModelMatches(s, m.containsKey("contains"));
            }
        }
        throw new InvalidValueException("model must be {\"equals\": text} or {\"contains\": text}");
    }

    private static RuleCondition year(Object value) {
        if (value instanceof Map<?, ?> m && !m.isEmpty() && Set.of("from", "to").containsAll(m.keySet())) {
            return new RuleCondition.YearBetween(integer(m.get("from")), integer(m.get("to")));
        }
        throw new InvalidValueException("year must be {\"from\": year, \"to\": year} (either may be left out)");
    }

    private static Integer integer(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw new InvalidValueException("year bounds must be whole numbers");
    }

    private static Set<String> strings(Object value, String field) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            Set<String> out = new LinkedHashSet<>();
            list.forEach(v -> out.add((String) v));
            return out;
        }
        throw new InvalidValueException(field + " must be a list of strings");
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
