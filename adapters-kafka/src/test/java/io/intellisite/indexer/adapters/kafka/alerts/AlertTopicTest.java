package io.intellisite.indexer.adapters.kafka.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.adapters.kafka.KafkaCluster;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fresh partition count is asked for by event ids that clients send, so many clients may ask at once, and
 * while the broker is away. Each lookup logs a warning when it fails, which is how these tests count them.
 */
class AlertTopicTest {
    private final Logger log = Logger.getLogger(AlertTopic.class.getName());
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    @Test
    void clientsAskingAtOnceWhileTheBrokerIsAwayCostOneLookup() throws Exception {
        AlertTopic alerts = new AlertTopic(KafkaCluster.at("127.0.0.1:" + closedPort()), "alerts", Duration.ofSeconds(30));
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return alerts.partitionsNow(Duration.ofSeconds(1), Duration.ofMinutes(1));
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(0, answer.get(), "no broker, no partitions");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, alerts.partitionsNow(Duration.ofSeconds(1), Duration.ofMinutes(1)), "asked again within the max age");
        assertEquals(1, warnings.size(), "one lookup, not one per request: " + warnings);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
