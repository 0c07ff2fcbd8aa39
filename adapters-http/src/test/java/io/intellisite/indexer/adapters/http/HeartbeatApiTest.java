package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An idle stream gets a heartbeat every SSE_HEARTBEAT_SECONDS, not at every wake-up: its token is rechecked every
 * 2 s, and a heartbeat longer than that used to be cut down to it.
 */
class HeartbeatApiTest extends HttpApiContract {
    private static final Duration HEARTBEAT = Duration.ofSeconds(3);

    @Override
    protected Duration heartbeat() {
        return HEARTBEAT;
    }

    @Test
    void anIdleStreamGetsOneHeartbeatPerHeartbeatNotPerTokenRecheck() throws Exception {
        try (SseTestClient stream = new SseTestClient(uri("/alerts"), Map.of("Authorization", "Bearer " + adminToken()))) {
            assertEquals(200, stream.status());
            long opened = System.nanoTime();
            // The recheck wakes the stream at 2 s; a heartbeat then came a second early.
            assertFalse(stream.sawComment("heartbeat", HEARTBEAT.minusMillis(400)), "a heartbeat before it was due");
            assertTrue(stream.sawComment("heartbeat", Duration.ofSeconds(3)), "the heartbeat once due");
            assertTrue(System.nanoTime() - opened >= HEARTBEAT.toNanos() - 400_000_000L);
        }
    }
}
