package io.intellisite.indexer.adapters.kafka.alerts;

import java.util.Arrays;
import java.util.Optional;

/**
 * A position in the alert stream: for each partition of the alerts topic, the offset of the next alert not
 * yet delivered. It is the SSE event id ("12.0.7.3.9.4"): everything before it was delivered, so a subscriber
 * that reconnects with it gets exactly what it missed. Partitions added to the topic later are appended: an id
 * from before names fewer partitions, and the ones it does not name are read from their start.
 */
public final class AlertPosition {
    private final long[] next;

    AlertPosition(long[] next) {
        this.next = next.clone();
    }

    static AlertPosition start(int partitions) {
        return new AlertPosition(new long[partitions]);
    }

    long next(int partition) {
        return partition < next.length ? next[partition] : 0;
    }

    int partitions() {
        return next.length;
    }

    /** The same position over {@code partitions} partitions, the added ones at their start. */
    AlertPosition widenedTo(int partitions) {
        return partitions <= next.length ? this : new AlertPosition(Arrays.copyOf(next, partitions));
    }

    AlertPosition after(int partition, long offset) {
        long[] copy = Arrays.copyOf(next, Math.max(next.length, partition + 1));
        copy[partition] = Math.max(copy[partition], offset + 1);
        return new AlertPosition(copy);
    }

    /**
     * Parses an event id of a topic with {@code partitions} partitions (or fewer, from before some were added);
     * empty when it is malformed or names more partitions than there are.
     */
    static Optional<AlertPosition> parse(String id, int partitions) {
        return parse(id).filter(p -> p.partitions() <= partitions).map(p -> p.widenedTo(partitions));
    }

    /** Parses an event id as written, over as many partitions as it names; empty when it is malformed. */
    static Optional<AlertPosition> parse(String id) {
        try {
            long[] offsets = Arrays.stream(id.strip().split("\\.")).mapToLong(Long::parseLong).toArray();
            return Arrays.stream(offsets).anyMatch(o -> o < 0) ? Optional.empty() : Optional.of(new AlertPosition(offsets));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < next.length; i++) {
            sb.append(i == 0 ? "" : ".").append(next[i]);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertPosition p && Arrays.equals(next, p.next);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(next);
    }
}
