package io.intellisite.indexer.adapters.kafka.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.KafkaTopics;
import io.intellisite.indexer.application.contract.AlertFeedContract;
import io.intellisite.indexer.application.model.AlertEvent;
import io.intellisite.indexer.application.port.out.AlertFeed;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.embedded.DataDirectory;
import io.intellisite.indexer.embedded.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kafka alert feed passes the same contract as the in-memory one, on a real broker with 3 partitions. */
class KafkaAlertFeedTest extends AlertFeedContract {
    private static EmbeddedKafkaBroker broker;
    private static KafkaProducer<byte[], byte[]> producer;
    private final List<KafkaAlertFeed> feeds = new ArrayList<>();
    private String topic;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(DataDirectory.throwaway("alert-feed-test"), 0);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.close();
    }

    @AfterEach
    void closeFeeds() throws InterruptedException {
        for (KafkaAlertFeed f : feeds) {
            f.close();
        }
    }

    @Override
    protected AlertFeed feed(int capacity) {
        return feedOnANewTopic(capacity, Duration.ofSeconds(30));
    }

    private KafkaAlertFeed feedOnANewTopic(int capacity, Duration partitionCheck) {
        return feedOnANewTopic(capacity, partitionCheck, null);
    }

    private KafkaAlertFeed feedOnANewTopic(int capacity, Duration partitionCheck, Supplier<KafkaConsumer<byte[], byte[]>> replays) {
        topic = "alerts-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            KafkaTopics.create(admin, List.of(new NewTopic(topic, 3, (short) 1)), Duration.ofSeconds(30));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        KafkaAlertFeed feed = new KafkaAlertFeed(KafkaCluster.at(broker.bootstrapServers()), topic, capacity, partitionCheck, replays);
        feeds.add(feed);
        return feed;
    }

    @Override
    protected void publish(String make, int n) {
        try {
            producer.send(new ProducerRecord<>(topic, make.getBytes(StandardCharsets.UTF_8), alert(String.valueOf(n), make))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issue 21: the time from a detection to its alert readable here, as a histogram an SRE can alert on. */
    @Test
    void theTimeFromADetectionToItsAlertIsRecorded() throws Exception {
        KafkaAlertFeed feed = feedOnANewTopic(16, Duration.ofSeconds(30));
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var meters = feed.meters();
        meters.forEach(m -> m.bindTo(registry));
        try (var subscription = feed.subscribe(java.util.Optional.empty())) {
            publish("Toyota", 1);
            assertTrue(subscription.next(Duration.ofSeconds(10)).isPresent());
        } finally {
            closeAll(meters);
        }
        var latency = registry.find("intellisite.alerts.latency").timer();
        assertTrue(latency != null && latency.count() == 1, "one alert timed");
        assertTrue(latency.totalTime(java.util.concurrent.TimeUnit.SECONDS) < 60, "from its detection, not from 1970");
    }

    /** Issue 21: the feed's lag per partition, under a client id that says it is the alert feed. */
    @Test
    void theFeedsLagIsMeteredPerPartitionUnderItsOwnName() throws Exception {
        KafkaAlertFeed feed = feedOnANewTopic(16, Duration.ofSeconds(30));
        try (var subscription = feed.subscribe(java.util.Optional.empty())) {
            publish("Toyota", 1);
            assertTrue(subscription.next(Duration.ofSeconds(10)).isPresent(), "the feed has fetched");
        }
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var meters = feed.meters();
        meters.forEach(m -> m.bindTo(registry));
        try {
            var lags = registry.find("kafka.consumer.fetch.manager.records.lag").tag("topic", topic).gauges();
            assertEquals(List.of("0", "1", "2"), lags.stream().map(g -> g.getId().getTag("partition")).sorted().toList());
            assertTrue(lags.stream().allMatch(g -> g.getId().getTag("client.id").matches("intellisite-alerts-feed-\\d+")),
                    "named for what it is: " + lags.stream().map(g -> g.getId().getTag("client.id")).toList());
        } finally {
            closeAll(meters);
        }
    }

    /** The feed's Kafka client meters hold a scheduler each until closed. */
    private static void closeAll(List<MeterBinder> meters) throws Exception {
        for (var m : meters) {
            if (m instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    @Test
    void theFeedSaysWhetherItStillReadsTheTopic() throws Exception {
        KafkaAlertFeed feed = feedOnANewTopic(10, Duration.ofSeconds(30));
        assertTrue(feed.isRunning());
        feed.close();
        assertFalse(feed.isRunning(), "what readiness reports once the feed stopped");
    }

    @Test
    void eventIdsArePositionsOverEveryPartitionAndForeignIdsAreRefused() throws Exception {
        AlertFeed feed = feed(10);
        try (var s = feed.subscribe(Optional.empty())) {
            publish("Toyota", 1);
            var event = take(s, 1).getFirst();
            assertEquals(3, event.id().split("\\.").length);
            assertEquals("Toyota", event.make());
            assertEquals(List.of("suspicious-vehicle"), event.ruleIds());
        }
        assertThrows(InvalidValueException.class, () -> feed.subscribe(Optional.of("1.2.3.4")), "more partitions than there are");
        assertThrows(InvalidValueException.class, () -> feed.subscribe(Optional.of("garbage")));
    }

    /**
     * An operator adds a partition to the alerts topic while the feed runs: the alerts the pipeline writes there
     * reach live subscribers, and an id from before the change still resumes, with them.
     */
    @Test
    void aPartitionAddedToTheTopicIsFollowedAndIdsFromBeforeStillResume() throws Exception {
        KafkaAlertFeed feed = feedOnANewTopic(10, Duration.ofMillis(200));
        String before;
        try (var live = feed.subscribe(Optional.empty())) {
            publish("Toyota", 1);
            before = take(live, 1).getFirst().id();
            growTopicTo(4);
            publishTo(3, "Lada");
            AlertEvent added = take(live, 1).getFirst();
            assertEquals("Lada", added.make());
            publish("Toyota", 3);
            assertEquals(List.of("Toyota"), take(live, 1).stream().map(AlertEvent::make).toList(), "the old partitions go on");
            assertEquals("0.0.0.1", added.id().replaceAll("^\\d+\\.\\d+\\.\\d+\\.", "0.0.0."), "a fourth partition in the id");
        }
        assertEquals(3, before.split("\\.").length);
        try (var resumed = feed.subscribe(Optional.of(before))) {
            assertEquals(List.of("Lada", "Toyota"), take(resumed, 2).stream().map(AlertEvent::make).sorted().toList());
            assertTrue(resumed.next(Duration.ofMillis(500)).isEmpty(), "and nothing twice");
        }
    }

    /**
     * A client reconnects with an id from an instance that noticed an added partition before this one (which
     * would only look again at its next check): it resumes, with the alert written to the new partition.
     */
    @Test
    void anIdNamingAPartitionThisInstanceHasNotNoticedYetResumes() throws Exception {
        KafkaAlertFeed feed = feedOnANewTopic(10, Duration.ofHours(1));
        String before;
        try (var live = feed.subscribe(Optional.empty())) {
            publish("Toyota", 1);
            before = take(live, 1).getFirst().id();
        }
        growTopicTo(4);
        publishTo(3, "Lada");
        assertThrows(InvalidValueException.class, () -> feed.subscribe(Optional.of(before + ".0.0")), "still more than there are");
        try (var resumed = feed.subscribe(Optional.of(before + ".0"))) {
            assertEquals(List.of("Lada"), take(resumed, 1).stream().map(AlertEvent::make).toList());
            publishTo(3, "Skoda");
            assertEquals(List.of("Skoda"), take(resumed, 1).stream().map(AlertEvent::make).toList(), "then it follows it live");
            assertTrue(resumed.next(Duration.ofMillis(500)).isEmpty(), "and nothing twice");
        }
    }

    /** Event ids are client input: asking again and again within the max age costs no new lookup on the broker. */
    @Test
    void theFreshPartitionCountIsLookedUpAtMostOncePerMaxAge() throws Exception {
        feedOnANewTopic(10, Duration.ofHours(1));
        AlertTopic alerts = new AlertTopic(KafkaCluster.at(broker.bootstrapServers()), topic, Duration.ofHours(1));
        assertEquals(3, alerts.partitionsNow(Duration.ofSeconds(10), Duration.ofHours(1)));
        growTopicTo(5);
        assertEquals(3, alerts.partitionsNow(Duration.ofSeconds(10), Duration.ofHours(1)), "the last lookup, not a new one");
        assertEquals(5, alerts.partitionsNow(Duration.ofSeconds(10), Duration.ZERO), "once it is older than asked for");
    }

    /**
     * Retention removed some of what a resuming subscriber missed (issue 19, point 7): rather than replay all the topic
     * still holds as if it followed the id (once, it did: possibly a week of alerts, and a gap all the same), the
     * subscription says where it carries on from and follows the live feed.
     */
    @Test
    void aResumeFromAlertsTheTopicNoLongerHoldsSaysSoAndCarriesOnLive() throws Exception {
        KafkaAlertFeed feed = feedOnANewTopic(10, Duration.ofSeconds(30));
        String afterFirst;
        try (var live = feed.subscribe(Optional.empty())) {
            publishTo(0, "Audi");
            afterFirst = take(live, 1).getFirst().id();
            publishTo(0, "Buick");
            publishTo(0, "Citroen");
            assertEquals(2, take(live, 2).size());
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(2))).all().get();
        }
        try (var resumed = feed.subscribe(Optional.of(afterFirst))) {
            assertTrue(resumed.restartedAt().isPresent(), "it says the alerts after the id are gone");
            assertFalse(resumed.replaying());
            assertTrue(resumed.next(Duration.ofMillis(500)).isEmpty(), "and replays nothing");
            publishTo(0, "Dacia");
            AlertEvent live = take(resumed, 1).getFirst();
            assertEquals("Dacia", live.make());
            assertTrue(AlertPosition.parse(live.id()).orElseThrow().next(0) > AlertPosition.parse(resumed.restartedAt().get()).orElseThrow().next(0),
                    "what follows comes after the position it restarted at");
        }
    }

    /** A resume whose replay consumer cannot be made (a client setting it refuses, say) leaves no subscriber behind. */
    @Test
    void aResumeThatFailsToStartReleasesItsLiveSubscription() throws Exception {
        KafkaAlertFeed feed = feedOnANewTopic(10, Duration.ofSeconds(30), () -> {
            throw new KafkaException("Failed to construct kafka consumer");
        });
        String first;
        try (var live = feed.subscribe(Optional.empty())) {
            publish("Toyota", 1);
            first = take(live, 1).getFirst().id();
            publish("Toyota", 2);
            take(live, 1);
        }
        assertEquals(0, feed.subscriberCount());
        assertThrows(KafkaException.class, () -> feed.subscribe(Optional.of(first)));
        assertEquals(0, feed.subscriberCount(), "the live subscription the resume registered was released");
    }

    /** What an operator's {@code kafka-topics --alter --partitions} does to the alerts topic. */
    private void growTopicTo(int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get();
        }
    }

    private void publishTo(int partition, String make) throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, null, alert("x", make))).get();
    }

    /** An alert as the pipeline writes it, raised by the default rule. */
    private static byte[] alert(String id, String make) {
        return ("{\"id\":\"" + id + "\",\"rules\":[\"suspicious-vehicle\"],\"Year\":2011,\"Make\":\"" + make
                + "\",\"Model\":\"M\",\"Category\":\"SUV\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsOnTheAlertsTopicThatAreNotAlertsAreSkippedAndTheFeedGoesOn() throws Exception {
        AlertFeed feed = feed(10);
        String beforeJunk;
        try (var live = feed.subscribe(Optional.empty())) {
            publish("Toyota", 1);
            beforeJunk = take(live, 1).getFirst().id();
            // Keyed like the next alert, so they sit before it in its partition: a tombstone, text, a JSON array.
            for (String junk : new String[] {null, "not json", "[1, 2]"}) {
                producer.send(new ProducerRecord<>(topic, "Ford".getBytes(StandardCharsets.UTF_8),
                        junk == null ? null : junk.getBytes(StandardCharsets.UTF_8))).get();
            }
            publish("Ford", 2);
            assertEquals(List.of("Ford"), take(live, 1).stream().map(AlertEvent::make).toList());
            assertTrue(live.next(Duration.ofMillis(500)).isEmpty(), "nothing but the alerts");
        }
        try (var resumed = feed.subscribe(Optional.of(beforeJunk))) {
            assertEquals(List.of("Ford"), take(resumed, 1).stream().map(AlertEvent::make).toList());
            assertTrue(resumed.next(Duration.ofMillis(500)).isEmpty(), "the replay skips them too");
        }
    }
}
