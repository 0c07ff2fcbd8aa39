package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.kafka.demo.DetectionProducer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/** {@code produce}: writes random detections to a running product's broker (KAFKA_BROKER_URL). */
final class ProduceCommand {
    private ProduceCommand() {
    }

    static void run(Settings settings, long count) {
        String broker = settings.optional("KAFKA_BROKER_URL").orElse("127.0.0.1:" + settings.integer("EMBEDDED_KAFKA_PORT", 1, 65535));
        int rate = settings.integer("DETECTIONS_PER_SECOND", 0, 10_000_000);
        AtomicBoolean stop = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
        System.err.printf("producing %s detections to %s on %s at %s%n", count < 0 ? "endless" : count,
                settings.text("DETECTIONS_TOPIC"), broker, rate == 0 ? "full speed" : rate + "/s");
        long start = System.nanoTime();
        try (DetectionProducer producer = new DetectionProducer(broker, settings.text("DETECTIONS_TOPIC"), RandomGenerator.getDefault())) {
            long sent = producer.produce(count, rate, stop::get);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("sent %d detections in %.1f s (%.0f/s)%n", sent, seconds, sent / seconds);
        }
    }
}
