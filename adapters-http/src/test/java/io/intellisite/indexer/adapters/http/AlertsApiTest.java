package io.intellisite.indexer.adapters.http;

import static io.intellisite.indexer.adapters.http.ApiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.security.JwtTokens;
import io.intellisite.indexer.application.service.alert.WatchAlertsService;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SSE endpoint over a real socket, fed by the in-memory alert feed. */
class AlertsApiTest extends HttpApiContract {
    private static final String RESUMES = "intellisite_sse_resumes_total";
    private static final String ENDED = "intellisite_sse_streams_ended_total";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    protected Duration heartbeat() {
        return Duration.ofMillis(300);
    }

    @Override
    protected WatchAlertsService.Limits alertStreamLimits() {
        return new WatchAlertsService.Limits(1_000, 4);
    }

    private SseTestClient subscribe(String query, Map<String, String> headers) throws Exception {
        return new SseTestClient(uri("/alerts" + query), headers);
    }

    private String publish(String make, String category, int n) {
        return alerts.publish(make, List.of(category), List.of("suspicious-vehicle"),
                "{\"id\":\"" + n + "\",\"Make\":\"" + make + "\",\"Category\":\"" + category + "\"}");
    }

    private void awaitSubscribers(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (alerts.subscriberCount() != n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(n, alerts.subscriberCount());
    }

    /** Issue 19, point 4: a stream ends with its token, telling the client where to resume after logging in again. */
    @Test
    void aStreamEndsWhenItsTokenExpiresWithTheIdToResumeFrom() throws Exception {
        Instant now = Instant.now();
        String shortLived = JwtTokens.hmac(JWT_SECRET, TOKEN_POLICY).issue(new TokenClaims(TokenClaims.SUBJECT_PREFIX + "admin", "Admin", "Admin",
                "admin@localhost.localdomain", Role.ADMIN, TOKEN_POLICY.issuer(), TOKEN_POLICY.audience(), now, now.plusSeconds(3)));
        try (SseTestClient client = subscribe("?access_token=" + shortLived, Map.of())) {
            assertEquals(200, client.status());
            awaitSubscribers(1);
            String id = publish("Kia", "SUV", 1);
            assertEquals(1, client.take("alert", 1, WAIT).size());
            List<SseTestClient.Event> end = client.take("reauthenticate", 1, WAIT);
            assertEquals(1, end.size(), "the stream said the token expired");
            assertEquals(id, json(end.getFirst().data()).get("lastEventId").asText());
            assertTrue(Duration.between(now, Instant.now()).toSeconds() < 8, "closed at the token's expiry, not later");
            awaitSubscribers(0);
        }
    }

    /** Issue 19, point 3: disabling an account ends its open streams within 5 s. */
    @Test
    void disablingAnAccountEndsItsOpenStreams() throws Exception {
        String admin = adminToken();
        String id = json(createUser(admin, "watcher", "watcher@example.com", "viewer").body()).get("id").asText();
        String watcher = token("watcher", "pass-watcher");
        try (SseTestClient client = subscribe("?access_token=" + watcher, Map.of())) {
            assertEquals(200, client.status());
            awaitSubscribers(1);
            assertEquals(204, sendJson("PATCH", "/users/" + id, admin, "{\"disabled\": true}").statusCode());
            long disabledAt = System.nanoTime();
            List<SseTestClient.Event> end = client.take("reauthenticate", 1, WAIT);
            assertEquals(1, end.size());
            assertEquals("token revoked", json(end.getFirst().data()).get("reason").asText());
            assertTrue(System.nanoTime() - disabledAt < Duration.ofSeconds(5).toNanos(), "within 5 s");
            awaitSubscribers(0);
        }
    }

    @Test
    void withoutATokenTheStreamIs401() throws Exception {
        try (SseTestClient client = subscribe("", Map.of())) {
            assertEquals(401, client.status());
        }
        try (SseTestClient client = subscribe("?access_token=garbage", Map.of())) {
            assertEquals(401, client.status());
        }
    }

    @Test
    void twoSubscribersBothGetEveryAlertAsRealJsonWithIdsAndHeartbeats() throws Exception {
        String token = adminToken();
        try (SseTestClient a = subscribe("", Map.of("Authorization", "Bearer " + token));
             SseTestClient b = subscribe("?access_token=" + token, Map.of())) {
            assertEquals(200, a.status());
            assertTrue(a.contentType().startsWith("text/event-stream"), a.contentType());
            awaitSubscribers(2);
            for (int i = 0; i < 10; i++) {
                publish("Make" + i, "SUV", i);
            }
            List<SseTestClient.Event> fromA = a.take("alert", 10, WAIT);
            List<SseTestClient.Event> fromB = b.take("alert", 10, WAIT);
            assertEquals(10, fromA.size());
            assertEquals(fromA, fromB);
            assertEquals("1", fromA.getFirst().id());
            assertEquals("Make9", json(fromA.getLast().data()).get("Make").asText());
            assertTrue(a.sawComment("heartbeat", Duration.ofSeconds(3)));
        }
        awaitSubscribers(0);
    }

    @Test
    void reconnectingWithLastEventIdGetsTheMissedAlertsThenLiveOnesWithNoGapOrDuplicate() throws Exception {
        String token = adminToken();
        double replayed = metric(RESUMES, "outcome", "replayed");
        double gone = metric(ENDED, "reason", "client_gone");
        String lastSeen;
        try (SseTestClient first = subscribe("", Map.of("Authorization", "Bearer " + token))) {
            awaitSubscribers(1);
            for (int i = 0; i < 5; i++) {
                publish("Make" + i, "SUV", i);
            }
            lastSeen = first.take("alert", 3, WAIT).getLast().id();
        }
        awaitSubscribers(0);
        for (int i = 5; i < 8; i++) {
            publish("Make" + i, "SUV", i);
        }
        try (SseTestClient again = subscribe("", Map.of("Authorization", "Bearer " + token, "Last-Event-ID", lastSeen))) {
            awaitSubscribers(1);
            publish("Make8", "SUV", 8);
            List<String> makes = again.take("alert", 6, WAIT).stream().map(e -> json(e.data()).get("Make").asText()).toList();
            assertEquals(List.of("Make3", "Make4", "Make5", "Make6", "Make7", "Make8"), makes);
            assertTrue(again.take("alert", 1, Duration.ofMillis(700)).isEmpty(), "no duplicate");
        }
        // Issue 21: resumes and ends are counted, so an operator sees clients coming back and going.
        awaitMetric(RESUMES, "outcome", "replayed", replayed + 1);
        awaitMetric(ENDED, "reason", "client_gone", gone + 2);
        try (SseTestClient since = subscribe("?since=7&access_token=" + token, Map.of())) {
            assertEquals(List.of("8", "9"), since.take("alert", 3, Duration.ofSeconds(2)).stream().map(SseTestClient.Event::id).toList());
        }
        try (SseTestClient bad = subscribe("?since=not-an-id&access_token=" + token, Map.of())) {
            assertEquals(422, bad.status());
        }
    }

    @Test
    void filtersPerSubscriberByMakeAndCategory() throws Exception {
        String token = adminToken();
        try (SseTestClient toyotas = subscribe("?make=toyota&access_token=" + token, Map.of());
             SseTestClient wagons = subscribe("?category=Wagon&access_token=" + token, Map.of())) {
            awaitSubscribers(2);
            publish("Toyota", "SUV", 1);
            publish("Subaru", "Wagon", 2);
            publish("Toyota", "Wagon", 3);
            assertEquals(List.of("1", "3"), toyotas.take("alert", 2, WAIT).stream().map(e -> json(e.data()).get("id").asText()).toList());
            assertEquals(List.of("2", "3"), wagons.take("alert", 2, WAIT).stream().map(e -> json(e.data()).get("id").asText()).toList());
        }
        // The same rules as the /detections filters: no NUL, at most 100 characters.
        for (String bad : List.of("make=To%00yota", "category=" + "x".repeat(101))) {
            try (SseTestClient refused = subscribe("?" + bad + "&access_token=" + token, Map.of())) {
                assertEquals(422, refused.status(), bad);
            }
        }
    }

    @Test
    void aSlowSubscriberIsDroppedWithAReconnectEventWhileAFastOneGetsEverything() throws Exception {
        String token = adminToken();
        double tooSlow = metric(ENDED, "reason", "too_slow");
        try (SseTestClient slow = subscribe("?access_token=" + token, Map.of());
             SseTestClient fast = subscribe("?access_token=" + token, Map.of())) {
            awaitSubscribers(2);
            slow.pause();
            String padding = "x".repeat(20_000);
            int total = 2_000;
            Thread publisher = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < total; i++) {
                    alerts.publish("Make", List.of("SUV"), List.of("r"), "{\"n\":" + i + ",\"pad\":\"" + padding + "\"}");
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            List<SseTestClient.Event> got = fast.take("alert", total, Duration.ofSeconds(60));
            publisher.join();
            assertEquals(total, got.size());
            awaitSubscribers(1);
            slow.resume();
            List<SseTestClient.Event> farewell = slow.take("reconnect", 1, WAIT);
            assertEquals(1, farewell.size());
            assertTrue(json(farewell.getFirst().data()).has("lastEventId"));
            awaitMetric(ENDED, "reason", "too_slow", tooSlow + 1);
        }
    }

    @Test
    void oneUserHoldsAtMostItsShareOfStreamsAndOthersStillGetTheirs() throws Exception {
        String admin = adminToken();
        assertEquals(201, createUser(admin, "viewer", "viewer@example.com", "viewer").statusCode());
        String viewer = token("viewer", "pass-viewer");
        List<SseTestClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(subscribe("?access_token=" + admin, Map.of()));
            }
            awaitSubscribers(4);
            try (SseTestClient fifth = subscribe("?access_token=" + admin, Map.of())) {
                assertEquals(429, fifth.status());
            }
            try (SseTestClient others = subscribe("?access_token=" + viewer, Map.of())) {
                assertEquals(200, others.status());
            }
        } finally {
            for (SseTestClient client : open) {
                client.close();
            }
        }
        awaitSubscribers(0);
        try (SseTestClient again = subscribe("?access_token=" + admin, Map.of())) {
            assertEquals(200, again.status());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return HttpJson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
