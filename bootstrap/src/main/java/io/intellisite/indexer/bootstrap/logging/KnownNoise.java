package io.intellisite.indexer.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;

/**
 * Drops the warnings that Kafka and Helidon print at every healthy start, each named in logback-known-noise.xml with
 * why it is harmless: a start that prints none lets an operator alert on any WARN line. Hand-written because logback's
 * filters match a message only through Janino, a compiler at run time the product has no other use for.
 */
public final class KnownNoise extends TurboFilter {
    private record Drop(String logger, String text) {
    }

    private final List<Drop> drops = new ArrayList<>();

    /** {@code spec}: a logger's whole name, a {@code |}, and text the dropped message contains. */
    public void addDrop(String spec) {
        int bar = spec.indexOf('|');
        if (bar <= 0 || bar == spec.length() - 1) {
            throw new IllegalArgumentException("a drop is 'logger|text', not '" + spec + "'");
        }
        drops.add(new Drop(spec.substring(0, bar).strip(), spec.substring(bar + 1).strip()));
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // Errors are never dropped, and a line without a level yet (a logger's enabled check) is not decided here.
        if (level == null || format == null || level.isGreaterOrEqual(Level.ERROR)) {
            return FilterReply.NEUTRAL;
        }
        for (Drop drop : drops) {
            if (drop.logger.equals(logger.getName()) && format.contains(drop.text)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
