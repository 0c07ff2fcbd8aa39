package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.adapters.kafka.demo.DetectionProducer;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/** {@code produce}: writes random detections to a running product's broker (KAFKA_BROKER_URL). */
final class ProduceCommand {
    private ProduceCommand() {
    }

    static void run(Settings settings, long count) {
        KafkaCluster broker = ProductSettings.Kafka.from(settings).clusterOrLocalEmbedded();
        String topic = ProductSettings.Topics.from(settings).names().detections();
        int rate = ProductSettings.Demo.from(settings).detectionsPerSecond();
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
        System.err.printf("producing %s detections to %s on %s at %s%n", count < 0 ? "endless" : count,
                topic, broker.bootstrapServers(), rate == 0 ? "full speed" : rate + "/s");
        long start = System.nanoTime();
        try (DetectionProducer producer = new DetectionProducer(broker, topic, RandomGenerator.getDefault())) {
            long sent = producer.produce(count, rate, stop::get);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("sent %d detections in %.1f s (%.0f/s)%n", sent, seconds, sent / seconds);
        }
    }
}
