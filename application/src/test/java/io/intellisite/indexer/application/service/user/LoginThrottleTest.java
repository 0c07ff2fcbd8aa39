package io.intellisite.indexer.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.in.user.TooManyLoginAttemptsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 19, point 1: what strangers can make the throttle keep is bounded, whatever they send. */
class LoginThrottleTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aHundredThousandDistinctJunkLoginsLeaveABoundedNumberOfKeys() {
        LoginThrottle throttle = LoginThrottle.standard(clock);
        String huge = "x".repeat(1 << 20);
        for (int i = 0; i < 100_000; i++) {
            String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            throttle.recordFailure("junk-" + i, address);
            if (i % 1_000 == 0) {
                throttle.recordFailure(huge + i, address);
            }
        }
        // Before: one entry per distinct username, kept until that name logged in (the 1 MiB ones with their text).
        assertTrue(throttle.trackedKeys() <= 3 * LoginThrottle.MAX_KEYS, "tracked " + throttle.trackedKeys());
        assertEquals("", LoginThrottle.account(huge), "a name that cannot be a username shares one key");
    }

    @Test
    void lockoutsInARowBackOffDoublingUpToFifteenMinutes() {
        var limiter = new FailureLimiter(5, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15), 10);
        Instant now = clock.instant();
        long[] waits = new long[6];
        for (int lockout = 0; lockout < waits.length; lockout++) {
            for (int i = 0; i < 5; i++) {
                limiter.failure("k", now);
            }
            waits[lockout] = limiter.blockedFor("k", now).orElseThrow().toMinutes();
            now = now.plus(limiter.blockedFor("k", now).orElseThrow());
        }
        assertEquals("[1, 2, 4, 8, 15, 15]", Arrays.toString(waits));
        assertTrue(limiter.blockedFor("k", now).isEmpty());
    }

    @Test
    void theAttemptAfterTheFifthFailureOfAnAddressOnAnAccountWaits() {
        LoginThrottle throttle = LoginThrottle.standard(clock);
        for (int i = 0; i < 5; i++) {
            throttle.checkAllowed("Admin", "192.0.2.1");
            throttle.recordFailure("admin", "192.0.2.1");
        }
        var e = assertThrows(TooManyLoginAttemptsException.class, () -> throttle.checkAllowed("ADMIN", "192.0.2.1"));
        assertEquals(Duration.ofMinutes(1), e.retryAfter());
        throttle.checkAllowed("admin", "192.0.2.2");
    }
}
