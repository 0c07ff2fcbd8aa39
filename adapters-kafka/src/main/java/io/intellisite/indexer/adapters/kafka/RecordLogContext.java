package io.intellisite.indexer.adapters.kafka;

import org.slf4j.MDC;

/**
 * Names the record a log line concerns, as {@code record=<topic>-<partition>@<offset>} in the line's MDC (a field of
 * its own in LOG_FORMAT=json), so that a log search finds every line about one record and the record from a line.
 * Set only around the lines that concern a record: an MDC entry per record on the hot path would cost every record.
 */
public final class RecordLogContext {
    public static final String KEY = "record";

    private RecordLogContext() {
    }

    /** Opens the context; close it (try-with-resources) once the line is logged. */
    public static MDC.MDCCloseable of(String topic, int partition, long offset) {
        return MDC.putCloseable(KEY, topic + "-" + partition + "@" + offset);
    }
}
