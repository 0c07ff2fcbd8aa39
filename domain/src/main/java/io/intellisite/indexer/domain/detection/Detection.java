package io.intellisite.indexer.domain.detection;

import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.Require;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One vehicle seen by a camera. {@code category} may list several, comma separated ("SUV, Wagon"). */
public record Detection(int year, String make, String model, String category) {
    public static final int FIRST_CAR_YEAR = 1886;
    public static final int MAX_TEXT = 100;

    public Detection {
        int latest = Year.now(ZoneOffset.UTC).getValue() + 1;
        if (year < FIRST_CAR_YEAR || year > latest) {
            throw new InvalidValueException("Year must be between " + FIRST_CAR_YEAR + " and " + latest);
        }
        make = Require.text(make, "Make", MAX_TEXT);
        model = Require.text(model, "Model", MAX_TEXT);
        category = Require.text(category, "Category", MAX_TEXT);
        if (categoriesOf(category).isEmpty()) {
            throw new InvalidValueException("Category must name at least one category");
        }
    }

    /** The listed categories, trimmed, in their original order. */
    public List<String> categories() {
        return categoriesOf(category);
    }

    // On the hot path of every record (validation and each rule): a plain loop, no stream.
    private static List<String> categoriesOf(String category) {
        List<String> out = new ArrayList<>(2);
        int from = 0;
        while (from <= category.length()) {
            int comma = category.indexOf(',', from);
            int to = comma < 0 ? category.length() : comma;
            String part = category.substring(from, to).strip();
            if (!part.isEmpty()) {
                out.add(part);
            }
            from = to + 1;
        }
        return Collections.unmodifiableList(out);
    }
}
