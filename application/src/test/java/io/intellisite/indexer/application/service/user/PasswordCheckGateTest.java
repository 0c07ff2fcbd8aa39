package io.intellisite.indexer.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.in.user.TooManyLoginAttemptsException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /** Issue 19, point 2: a flood from one address holds one place in the queue, so others wait behind one check at most. */
    @Test
    void oneAddressHasOneCheckInFlightAndOthersStillGetTheirTurn() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, Duration.ofSeconds(5));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread flood = Thread.ofVirtual().start(() -> gate.check("203.0.113.9", () -> {
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }));
        assertTrue(running.await(5, TimeUnit.SECONDS));
        var refused = assertThrows(TooManyLoginAttemptsException.class, () -> gate.check("203.0.113.9", () -> true));
        assertEquals(Duration.ofSeconds(1), refused.retryAfter());
        var owner = Thread.ofVirtual().start(() -> assertTrue(gate.check("198.51.100.7", () -> true)));
        finish.countDown();
        owner.join(5_000);
        flood.join(5_000);
        assertTrue(gate.check("203.0.113.9", () -> true), "the address's turn comes back when its check ends");
    }
}
