package io.intellisite.indexer.adapters.kafka.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSE event id: one next offset per partition of the alerts topic, partitions added later appended. */
class AlertPositionTest {

    @Test
    void anIdRoundTripsAndAdvancesOnePartitionAtATime() {
        AlertPosition p = AlertPosition.parse("4.0.7", 3).orElseThrow();
        assertEquals("4.0.7", p.toString());
        assertEquals("4.3.7", p.after(1, 2).toString());
        assertEquals("4.0.7", p.after(0, 1).toString(), "an offset already passed does not move it back");
    }

    @Test
    void anIdFromBeforePartitionsWereAddedReadsThemFromTheirStart() {
        AlertPosition p = AlertPosition.parse("4.0.7", 5).orElseThrow();
        assertEquals("4.0.7.0.0", p.toString());
        assertEquals(0, p.next(4));
        assertEquals("4.0.7.0.0.1", p.after(5, 0).toString(), "a record of a partition it did not know widens it");
    }

    @Test
    void anIdParsedAsWrittenNamesAsManyPartitionsAsItHas() {
        assertEquals(4, AlertPosition.parse("4.0.7.1").orElseThrow().partitions(), "the caller decides whether there are that many");
        assertEquals(Optional.empty(), AlertPosition.parse("4.-1"));
    }

    @Test
    void malformedIdsAndIdsNamingMorePartitionsThanThereAreAreRefused() {
        for (String id : new String[] {"", "garbage", "1..2", "1.-2.3", "1.2.3.4", "99999999999999999999"}) {
            assertEquals(Optional.empty(), AlertPosition.parse(id, 3), id);
        }
    }
}
