package io.intellisite.indexer.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordCheckGateTest {
    @Test
    void atMostTheAllowedChecksRunAtOnceAndALoginWithNoTurnInTimeIsToldToRetry() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(2, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Runnable slowCheck = () -> gate.check(() -> {
            most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            atOnce.decrementAndGet();
            return true;
        });
        Thread first = Thread.ofVirtual().start(slowCheck);
        Thread second = Thread.ofVirtual().start(slowCheck);
        running.await();
        ServiceUnavailableException busy = assertThrows(ServiceUnavailableException.class, () -> gate.check(() -> true));
        assertTrue(busy.getMessage().contains("retry"), busy.getMessage());
        finish.countDown();
        first.join();
        second.join();
        assertEquals(2, most.get());
        assertTrue(gate.check(() -> true), "turns come back when checks end");
        assertThrows(IllegalArgumentException.class, () -> new PasswordCheckGate(0, Duration.ZERO));
    }
}
