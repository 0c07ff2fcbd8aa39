package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.kafka.demo.DetectionProducer;
import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import io.intellisite.indexer.bootstrap.config.ProductSettings;
import java.util.random.RandomGenerator;

/** In the embedded demo, a slow producer so that a new user sees detections and alerts flow at once. */
final class DemoProducer implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stop;

    private DemoProducer(KafkaCluster broker, String topic, int perSecond) {
        thread = Thread.ofPlatform().daemon().name("demo-producer").start(() -> {
            try (DetectionProducer producer = new DetectionProducer(broker, topic, RandomGenerator.getDefault())) {
                producer.produce(-1, perSecond, () -> stop);
            }
        });
    }

    /** Started when DEMO_PRODUCER is true, or auto and the run is the embedded demo; null otherwise. */
    static DemoProducer startIfWanted(ProductSettings.Demo settings, boolean demo, KafkaCluster broker, String topic) {
        boolean on = settings.producer().orElse(demo);
        int rate = settings.detectionsPerSecond();
        return on && rate > 0 ? new DemoProducer(broker, topic, rate) : null;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(15_000);
    }
}
