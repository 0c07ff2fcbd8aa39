package io.intellisite.indexer.adapters.kafka.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.wire.DeadLetterHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What is not a detection goes to the dead-letter topic, as it came, with why and from where. */
class DeadLetterTopologyTest extends TopologyTestDriverFixture {
    @ParameterizedTest
    @MethodSource("io.intellisite.indexer.adapters.kafka.pipeline.DetectionExamples#rejected")
    void invalidRecordsGoUnchangedToTheDeadLetterTopicWithHeadersAndTheStreamGoesOn(String value, String reason) {
        send(value);
        send("{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"Land Cruiser\", \"Category\": \"SUV\"}");
        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertEquals(value, new String(dead.value(), StandardCharsets.UTF_8));
        assertEquals(reason, DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.REASON));
        assertEquals(topics.detections(), DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC));
        assertEquals("0", DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.SOURCE_PARTITION));
        assertEquals("0", DeadLetterHeaders.value(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET));
        assertEquals(1, topology.deadLetterCount());
        assertEquals(1, alerts.readRecordsToList().size());
    }

    @ParameterizedTest
    @FieldSource("io.intellisite.indexer.adapters.kafka.pipeline.DetectionExamples#ACCEPTED")
    void validRecordsAreNotDeadLetteredAndTheirSuvsRaiseAlerts(String value) {
        send(value);
        assertTrue(deadLetters.isEmpty(), value);
        assertEquals(1, alerts.readRecordsToList().size(), "each example is an SUV or a wagon: " + value);
    }

    @Test
    void extraFieldsAreAllowedEvenTwiceOnlyTheFourKnownOnesMustBeUnique() {
        send("{\"Year\": 2011, \"Make\": \"Toyota\", \"Lane\": 1, \"Model\": \"X\", \"Lane\": {\"Make\": \"Ford\"}, \"Category\": \"SUV\"}");
        assertTrue(deadLetters.isEmpty());
        assertEquals("Toyota", TopologyTestDriverFixture.json(alerts.readRecord().value()).get("Make").asText());
    }

    @Test
    void jsonNestedDeeperThanPostgresqlCanParseIsDeadLetteredNotStoredToFailItsBatch() {
        // 30,000 levels fit in 64 KiB and overflow PostgreSQL's parser stack; Jackson stops at 1,000.
        String deep = "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"X\", \"Category\": \"SUV\", \"Extra\": "
                + "[".repeat(30_000) + "]".repeat(30_000) + "}";
        send(deep);
        assertEquals("NOT_JSON", DeadLetterHeaders.value(deadLetters.readRecord().headers(), DeadLetterHeaders.REASON));
        assertTrue(alerts.isEmpty());
    }

    @Test
    void emptyAndOversizedRecordsAreDeadLettered() {
        input.pipeInput((byte[]) null);
        byte[] huge = ("{\"Year\": 2011, \"Make\": \"T\", \"Model\": \"" + "x".repeat(70_000) + "\", \"Category\": \"SUV\"}")
                .getBytes(StandardCharsets.UTF_8);
        input.pipeInput(huge);
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertEquals("EMPTY", DeadLetterHeaders.value(dead.get(0).headers(), DeadLetterHeaders.REASON));
        assertEquals("TOO_LARGE", DeadLetterHeaders.value(dead.get(1).headers(), DeadLetterHeaders.REASON));
        assertEquals(huge.length, dead.get(1).value().length);
    }

    @Test
    void aRecordTooLargeToCopyWithTheDeadLetterHeadersIsReportedWithoutItsKeyValueAndHeaders() {
        byte[] big = new byte[DeadLetterHeaders.MAX_COPY_BYTES - 2_000];
        byte[] tooBig = new byte[DeadLetterHeaders.MAX_COPY_BYTES - 200];
        java.util.Arrays.fill(big, (byte) 'x');
        java.util.Arrays.fill(tooBig, (byte) 'y');
        input.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8), big));
        input.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8), tooBig));
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertArrayEquals(big, dead.get(0).value());
        assertEquals(null, DeadLetterHeaders.value(dead.get(0).headers(), DeadLetterHeaders.OMITTED_BYTES));
        assertEquals(null, dead.get(1).value());
        assertEquals(null, dead.get(1).key());
        assertEquals(String.valueOf(tooBig.length + 1), DeadLetterHeaders.value(dead.get(1).headers(), DeadLetterHeaders.OMITTED_BYTES));
        assertEquals("TOO_LARGE", DeadLetterHeaders.value(dead.get(1).headers(), DeadLetterHeaders.REASON));
        assertEquals("1", DeadLetterHeaders.value(dead.get(1).headers(), DeadLetterHeaders.SOURCE_OFFSET));
    }

    @Test
    void jsonInAnotherEncodingThanUtf8OrWithAByteOrderMarkIsDeadLettered() {
        String json = "{\"Year\": 2011, \"Make\": \"Toyota\", \"Model\": \"Land Cruiser\", \"Category\": \"SUV\"}";
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        List<byte[]> values = List.of(json.getBytes(StandardCharsets.UTF_16LE), json.getBytes(StandardCharsets.UTF_16BE),
                json.getBytes(StandardCharsets.UTF_16), json.getBytes(Charset.forName("UTF-32LE")), withBom);
        values.forEach(input::pipeInput);
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertEquals(values.size(), dead.size());
        for (int i = 0; i < values.size(); i++) {
            assertArrayEquals(values.get(i), dead.get(i).value());
            assertEquals("NOT_JSON", DeadLetterHeaders.value(dead.get(i).headers(), DeadLetterHeaders.REASON));
        }
        assertTrue(alerts.isEmpty());
    }
}
