package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.intellisite.indexer.adapters.kafka.demo.VehicleCatalog;
import io.intellisite.indexer.adapters.kafka.wire.DeadLetterHeaders;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 poison records of every kind mixed into 100,000: every one reaches the dead-letter topic unchanged with
 * its reason, every other record is indexed once, and the stream never stops.
 */
class PoisonFloodTest {
    private static final int TOTAL = 100_000;
    private static final int POISON_EVERY = 100;

    /** One of each kind the pipeline must refuse, with the reason it must give. */
    private record Poison(byte[] value, String reason) {
        static Poison of(String value, String reason) {
            return new Poison(value.getBytes(StandardCharsets.UTF_8), reason);
        }
    }

    private static final List<Poison> KINDS = List.of(
            new Poison(null, "EMPTY"), new Poison(new byte[0], "EMPTY"),
            Poison.of("{\"Year\": 2011, \"Make\": \"T\", \"Model\": \"" + "x".repeat(70_000) + "\", \"Category\": \"SUV\"}", "TOO_LARGE"),
            Poison.of("not json", "NOT_JSON"), Poison.of("{\"Year\": 2011,", "NOT_JSON"),
            new Poison(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, "NOT_JSON"),
            Poison.of("[1, 2]", "NOT_AN_OBJECT"), Poison.of("\"SUV\"", "NOT_AN_OBJECT"), Poison.of("42", "NOT_AN_OBJECT"),
            Poison.of("{\"Make\": \"A\", \"Model\": \"B\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": \"2011\", \"Make\": \"A\", \"Model\": \"B\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": 1700, \"Make\": \"A\", \"Model\": \"B\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": 2011.5, \"Make\": \"A\", \"Model\": \"B\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": 2011, \"Make\": 7, \"Model\": \"B\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": 2011, \"Make\": \"A\", \"Model\": \" \", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": 2011, \"Make\": \"A\", \"Model\": \"B\", \"Category\": \" , \"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": 2011, \"Make\": \"" + "m".repeat(101) + "\", \"Model\": \"B\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": 2011, \"Make\": \"A'); drop table detections; --\", \"Model\": null, \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": 2011, \"Make\": \"A\", \"Model\": \"B\", \"Category\": \"Sedan\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            // Valid JSON whose text PostgreSQL could not store as sent: a NUL, half a surrogate pair.
            Poison.of("{\"Year\": 2011, \"Make\": \"To\\u0000yota\", \"Model\": \"B\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            Poison.of("{\"Year\": 2011, \"Make\": \"A\", \"Model\": \"B\\ud800\", \"Category\": \"SUV\"}", "INVALID_FIELDS"),
            // A valid detection, but in UTF-16 or after a byte order mark: not what PostgreSQL stores as JSON text.
            new Poison("{\"Year\": 2011, \"Make\": \"A\", \"Model\": \"B\", \"Category\": \"SUV\"}".getBytes(StandardCharsets.UTF_16LE), "NOT_JSON"),
            Poison.of("\ufeff{\"Year\": 2011, \"Make\": \"A\", \"Model\": \"B\", \"Category\": \"SUV\"}", "NOT_JSON"));

    @Test
    void everyPoisonRecordIsDeadLetteredUnchangedAndEveryOtherIsIndexedOnce(@TempDir Path dir) throws Exception {
        String run = "poison" + System.nanoTime();
        PostgresDatabase db = TestInfrastructure.emptyDatabase();
        Map<String, String> settings = TestInfrastructure.productSettings(dir, run);
        List<byte[]> poisonSent = new ArrayList<>();
        Map<String, Integer> reasonsSent = new TreeMap<>();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(settings));
             var producer = TestInfrastructure.producer(Map.of("linger.ms", 10, "max.request.size", 2_000_000))) {
            VehicleCatalog catalog = VehicleCatalog.load(new Random(3));
            for (int i = 0; i < TOTAL; i++) {
                byte[] value;
                if (i % POISON_EVERY == 0) {
                    Poison poison = KINDS.get(i / POISON_EVERY % KINDS.size());
                    value = poison.value();
                    poisonSent.add(value);
                    reasonsSent.merge(poison.reason(), 1, Integer::sum);
                } else {
                    value = DetectionJson.detection(catalog.next());
                }
                // One partition keeps the send order, so each dead letter can be matched to what was sent.
                producer.send(new ProducerRecord<>(run + ".detections", 0, null, value));
            }
            producer.flush();
            int valid = TOTAL - poisonSent.size();
            Eventually.waitFor(() -> Stored.detections(db) >= valid,
                    Duration.ofSeconds(120));

            List<ConsumerRecord<byte[], byte[]>> dead = Records.readAll(TestInfrastructure.kafkaBootstrapServers(),
                    run + ".dlq", poisonSent.size(), "read_committed");
            assertEquals(poisonSent.size(), dead.size());
            Map<String, Integer> reasonsSeen = new TreeMap<>();
            dead.sort((a, b) -> Long.compare(offset(a), offset(b)));
            for (int i = 0; i < dead.size(); i++) {
                assertArrayEquals(poisonSent.get(i), dead.get(i).value(), "dead letter " + i + " is the record as sent");
                reasonsSeen.merge(DeadLetterHeaders.value(dead.get(i).headers(), DeadLetterHeaders.REASON), 1, Integer::sum);
            }
            assertEquals(reasonsSent, reasonsSeen);
            assertEquals(valid, Stored.detections(db));
            assertEquals(valid, Stored.count(db, "select count(distinct (source_partition, source_offset)) from detections"));
            assertEquals(0, Stored.makeCountsOffTheirGroupBy(db));
        }
    }

    /**
     * A record the broker still takes, but whose dead letter would not fit once the dlq.* headers are added: its
     * copy leaves the record out and says so, instead of failing every attempt to commit the task.
     */
    @Test
    void aRecordTooLargeToCopyToTheDeadLetterTopicIsReportedThereWithoutItsValue(@TempDir Path dir) throws Exception {
        String run = "huge" + System.nanoTime();
        PostgresDatabase db = TestInfrastructure.emptyDatabase();
        byte[] huge = ("{\"Year\": 2011, \"Make\": \"T\", \"Model\": \"" + "x".repeat(1_048_300) + "\", \"Category\": \"SUV\"}")
                .getBytes(StandardCharsets.UTF_8);
        int valid = 200;
        try (IndexerApplication app = IndexerApplication.start(Settings.load(TestInfrastructure.productSettings(dir, run)));
             var producer = TestInfrastructure.producer(Map.of("max.request.size", 2_000_000))) {
            producer.send(new ProducerRecord<>(run + ".detections", 0, null, huge)).get();
            VehicleCatalog catalog = VehicleCatalog.load(new Random(5));
            for (int i = 0; i < valid; i++) {
                producer.send(new ProducerRecord<>(run + ".detections", 0, null, DetectionJson.detection(catalog.next())));
            }
            producer.flush();
            Eventually.waitFor(() -> Stored.detections(db) >= valid,
                    Duration.ofSeconds(60));

            List<ConsumerRecord<byte[], byte[]>> dead = Records.readAll(TestInfrastructure.kafkaBootstrapServers(),
                    run + ".dlq", 1, "read_committed");
            assertEquals(1, dead.size());
            assertEquals("TOO_LARGE", DeadLetterHeaders.value(dead.get(0).headers(), DeadLetterHeaders.REASON));
            assertEquals("0", DeadLetterHeaders.value(dead.get(0).headers(), DeadLetterHeaders.SOURCE_OFFSET));
            assertEquals(String.valueOf(huge.length), DeadLetterHeaders.value(dead.get(0).headers(), DeadLetterHeaders.OMITTED_BYTES));
            assertNull(dead.get(0).value());
            assertEquals(valid, Stored.detections(db));
        }
    }

    /**
     * A detection that parses but that PostgreSQL refuses (here a check constraint the test adds, standing for
     * any content rule the database has and the parser does not) goes to the dead-letter topic from the indexer;
     * the rest of its batch is stored, and indexing goes on instead of retrying that batch for ever.
     */
    @Test
    void aDetectionTheDatabaseRefusesIsDeadLetteredAndTheRestIndexed(@TempDir Path dir) throws Exception {
        String run = "refused" + System.nanoTime();
        PostgresDatabase db = TestInfrastructure.emptyDatabase();
        db.jdbi().useHandle(h -> h.execute("alter table detections add constraint test_no_lada check (make <> 'Lada')"));
        int total = 2_000;
        List<Long> ladas = new ArrayList<>();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(TestInfrastructure.productSettings(dir, run)));
             var producer = TestInfrastructure.producer()) {
            VehicleCatalog catalog = VehicleCatalog.load(new Random(9));
            for (int i = 0; i < total; i++) {
                String json = i % 97 == 5 ? "{\"Year\": 2008, \"Make\": \"Lada\", \"Model\": \"Niva\", \"Category\": \"SUV\"}"
                        : new String(DetectionJson.detection(catalog.next()), StandardCharsets.UTF_8).replace("\"Lada\"", "\"Lada Auto\"");
                if (json.contains("\"Lada\"")) {
                    ladas.add((long) i);
                }
                producer.send(new ProducerRecord<>(run + ".detections", 0, null, json.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            int valid = total - ladas.size();
            Eventually.waitFor(() -> Stored.detections(db) >= valid,
                    Duration.ofSeconds(60));
            List<ConsumerRecord<byte[], byte[]>> dead = Records.readAll(TestInfrastructure.kafkaBootstrapServers(),
                    run + ".dlq", ladas.size(), "read_committed");
            assertEquals(ladas, dead.stream().map(PoisonFloodTest::offset).sorted().toList());
            dead.forEach(r -> assertEquals("UNSTORABLE", DeadLetterHeaders.value(r.headers(), DeadLetterHeaders.REASON)));
            assertEquals(valid, Stored.detections(db));
        } finally {
            db.jdbi().useHandle(h -> h.execute("alter table detections drop constraint test_no_lada"));
        }
    }

    private static long offset(ConsumerRecord<byte[], byte[]> deadLetter) {
        return Long.parseLong(DeadLetterHeaders.value(deadLetter.headers(), DeadLetterHeaders.SOURCE_OFFSET));
    }
}
