package io.intellisite.indexer.adapters.kafka.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intellisite.indexer.domain.DomainException;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The detections topic's record format, with the prototype's field names (Year, Make, Model, Category). */
public final class DetectionJson {
    public static final int MAX_RECORD_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DetectionJson() {
    }

    /** Why a record cannot be a detection; the name travels in the dead letter's header. */
    public enum Rejection { EMPTY, TOO_LARGE, NOT_JSON, NOT_AN_OBJECT, INVALID_FIELDS }

    /** A record that is not a valid detection. */
    public static final class RejectedRecordException extends Exception {
        private final Rejection reason;

        RejectedRecordException(Rejection reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Rejection reason() {
            return reason;
        }
    }

    public static Detection parse(byte[] value) throws RejectedRecordException {
        if (value == null || value.length == 0) {
            throw new RejectedRecordException(Rejection.EMPTY, "empty record");
        }
        if (value.length > MAX_RECORD_BYTES) {
            throw new RejectedRecordException(Rejection.TOO_LARGE, "record over " + MAX_RECORD_BYTES + " bytes");
        }
        if (!utf8WithoutByteOrderMark(value)) {
            throw new RejectedRecordException(Rejection.NOT_JSON, "not UTF-8 JSON");
        }
        // A streaming read (no tree): this runs for every record, twice (topology and indexer).
        Integer year = null;
        String make = null;
        String model = null;
        String category = null;
        try (JsonParser parser = MAPPER.getFactory().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new RejectedRecordException(Rejection.NOT_AN_OBJECT, "not a JSON object");
            }
            String field;
            int seen = 0;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "Year" -> {
                        seen = once(seen, 1, field);
                        year = token == JsonToken.VALUE_NUMBER_INT
                                && parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : null;
                    }
                    case "Make" -> {
                        seen = once(seen, 2, field);
                        make = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                    }
                    case "Model" -> {
                        seen = once(seen, 4, field);
                        model = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                    }
                    case "Category" -> {
                        seen = once(seen, 8, field);
                        category = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new RejectedRecordException(Rejection.NOT_JSON, "not JSON");
            }
        } catch (IOException e) {
            throw new RejectedRecordException(Rejection.NOT_JSON, "not JSON");
        }
        if (year == null) {
            throw new RejectedRecordException(Rejection.INVALID_FIELDS, "Year must be an integer");
        }
        require(make, "Make");
        require(model, "Model");
        require(category, "Category");
        try {
            return new Detection(year, make, model, category);
        } catch (DomainException e) {
            throw new RejectedRecordException(Rejection.INVALID_FIELDS, e.getMessage());
        }
    }

    /*
     * JSON between systems is UTF-8 with no byte order mark (RFC 8259, 8.1). Jackson would also read UTF-16 and
     * UTF-32 and skip a mark, but the raw record is stored as UTF-8 text, which PostgreSQL refuses with NULs
     * or a leading mark in it: the batch would fail again on every retry. Both show in the first four bytes.
     */
    private static boolean utf8WithoutByteOrderMark(byte[] value) {
        int first = value[0] & 0xff;
        if (first == 0xEF || first == 0xFE || first == 0xFF) {
            return false;
        }
        for (int i = 0; i < Math.min(4, value.length); i++) {
            if (value[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /*
     * Readers disagree on which of two values of a field wins: the index must not pick one the raw text's
     * readers do not, so a known field given twice is refused. {@code bit} stands for the field in {@code seen}.
     */
    private static int once(int seen, int bit, String field) throws RejectedRecordException {
        if ((seen & bit) != 0) {
            throw new RejectedRecordException(Rejection.INVALID_FIELDS, field + " given twice");
        }
        return seen | bit;
    }

    private static void require(String value, String field) throws RejectedRecordException {
        if (value == null) {
            throw new RejectedRecordException(Rejection.INVALID_FIELDS, field + " must be a string");
        }
    }

    /** The detection a record holds, identified by the record's position and timed by its timestamp. */
    public static IndexedDetection indexed(SourcePosition source, long timestamp, byte[] value) throws RejectedRecordException {
        return indexed(source, timestamp, value, parse(value));
    }

    /** The same, for a record already parsed. */
    public static IndexedDetection indexed(SourcePosition source, long timestamp, byte[] value, Detection parsed) {
        return IndexedDetection.at(source, Instant.ofEpochMilli(timestamp), parsed, utf8(value));
    }

    public static byte[] detection(Detection d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("Year", d.year()).put("Make", d.make()).put("Model", d.model()).put("Category", d.category());
        return write(node);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
