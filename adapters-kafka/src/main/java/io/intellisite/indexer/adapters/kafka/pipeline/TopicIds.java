package io.intellisite.indexer.adapters.kafka.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;

/**
 * The id Kafka gave each topic when it was created (KIP-516). A record's offset identifies it only together with
 * this id: a topic deleted and created again, or the same name on another cluster (or an embedded broker whose
 * data was removed), starts its offsets again from 0. Records carry no topic id, so it is asked of the broker.
 */
public final class TopicIds {
    private static final Duration ASK = Duration.ofSeconds(10);
    private final Function<String, UUID> lookUp;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** {@code lookUp}: the current id of a topic by name, or a KafkaException when it cannot be told. */
    public TopicIds(Function<String, UUID> lookUp) {
        this.lookUp = lookUp;
    }

    /** Asks {@code admin}, the broker's own answer. */
    public static TopicIds askingBroker(Admin admin) {
        return new TopicIds(topic -> {
            try {
                Uuid id = admin.describeTopics(List.of(topic)).allTopicNames().get(ASK.toSeconds(), TimeUnit.SECONDS).get(topic).topicId();
                return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
            } catch (ExecutionException | TimeoutException e) {
                throw new KafkaException("cannot tell the id of topic " + topic + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while asking the id of topic " + topic, e);
            }
        });
    }

    /** The topic's id as of now: asked every time, for records polled just before. */
    public UUID now(String topic) {
        UUID id = lookUp.apply(topic);
        known.put(topic, new Known(id, System.nanoTime()));
        return id;
    }

    /** The topic's id as known at most {@code maxAge} ago; where a call per record would cost too much. */
    public UUID recent(String topic, Duration maxAge) {
        Known k = known.get(topic);
        return k != null && System.nanoTime() - k.at() < maxAge.toNanos() ? k.id() : now(topic);
    }

    private record Known(UUID id, long at) {
    }
}
