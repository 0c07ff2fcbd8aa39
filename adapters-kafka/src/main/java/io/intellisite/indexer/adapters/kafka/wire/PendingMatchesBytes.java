package io.intellisite.indexer.adapters.kafka.wire;

import io.intellisite.indexer.domain.alert.PendingMatches;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One group's pending matches in the window state store and its changelog: 24 bytes a match (time, id). */
public final class PendingMatchesBytes {
    private static final int MATCH = Long.BYTES * 3;

    private PendingMatchesBytes() {
    }

    public static byte[] write(PendingMatches pending) {
        ByteBuffer out = ByteBuffer.allocate(pending.matches().size() * MATCH);
        for (PendingMatches.Match m : pending.matches()) {
            out.putLong(m.at()).putLong(m.detectionId().getMostSignificantBits()).putLong(m.detectionId().getLeastSignificantBits());
        }
        return out.array();
    }

    public static PendingMatches read(byte[] bytes) {
        if (bytes == null) {
            return PendingMatches.NONE;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<PendingMatches.Match> matches = new ArrayList<>(bytes.length / MATCH);
        while (in.remaining() >= MATCH) {
            matches.add(new PendingMatches.Match(in.getLong(), new UUID(in.getLong(), in.getLong())));
        }
        return new PendingMatches(matches);
    }
}
