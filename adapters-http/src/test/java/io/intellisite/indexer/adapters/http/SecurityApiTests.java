package io.intellisite.indexer.adapters.http;

import static io.intellisite.indexer.adapters.http.ApiAssertions.assertSafeError;
import static io.intellisite.indexer.adapters.http.ApiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.security.JwtTokens;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.token.TokenPolicy;
import io.intellisite.indexer.domain.user.Role;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input set over a real socket: forged tokens, SQL injection strings in every field and query
 * parameter, and a hundred wrong logins. Each gets a short safe error and nothing stored changes.
 */
public abstract class SecurityApiTests extends HttpApiContract {
    private static final String INJECTION = "x'); drop table users; --";
    private static final String ENCODED = URLEncoder.encode(INJECTION, StandardCharsets.UTF_8);

    protected SecurityApiTests() {
    }

    protected SecurityApiTests(Supplier<UserRepository> emptyUsers, Supplier<DetectionRepository> emptyDetections) {
        super(emptyUsers, emptyDetections);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signed(String issuer, String audience, Instant issuedAt, Duration lifetime, Role role) {
        return signed("admin", issuer, audience, issuedAt, lifetime, role);
    }

    private static String signed(String username, String issuer, String audience, Instant issuedAt, Duration lifetime, Role role) {
        TokenClaims claims = new TokenClaims("username:" + username, "Admin", "Admin", "admin@example.com", role, issuer, audience,
                issuedAt, issuedAt.plus(lifetime));
        return JwtTokens.hmac(JWT_SECRET, new TokenPolicy(issuer, audience, lifetime, lifetime)).issue(claims);
    }

    /** Issue 19, point 4: a token that still counts is renewed within its session; a forged or ended one is not. */
    @Test
    void aTokenIsRenewedWithinItsSessionOnly() {
        String first = adminToken();
        HttpResponse<String> renewed = send(HttpRequest.newBuilder(uri("/login/renew")).header("Authorization", "Bearer " + first)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, renewed.statusCode(), renewed.body());
        assertEquals("no-store", renewed.headers().firstValue("Cache-Control").orElse(""));
        String second = json(renewed).get("access_token").asText();
        assertEquals(30 * 60, json(renewed).get("expires_in").asInt());
        assertEquals(200, get("/users/me", second).statusCode());

        Instant now = Instant.now();
        String sessionOver = JwtTokens.hmac(JWT_SECRET, TOKEN_POLICY).issue(new TokenClaims("username:admin", "Admin", "Admin",
                "admin@example.com", Role.ADMIN, "test-issuer", "test-audience", now, now.plusSeconds(600), now.minus(Duration.ofHours(13))));
        assertEquals(200, get("/users/me", sessionOver).statusCode(), "a token of an old session counts until it expires");
        for (String refused : List.of(sessionOver, "garbage", "")) {
            assertSafeError(send(HttpRequest.newBuilder(uri("/login/renew")).header("Authorization", "Bearer " + refused)
                    .POST(HttpRequest.BodyPublishers.noBody())), 401);
        }
    }

    @Test
    void forgedTokensAreRefusedEverywhere() {
        // A token must state its account's role as it is now: the forgeries below turn this viewer's into an admin's.
        assertEquals(201, createUser(adminToken(), "viewer1", "viewer1@example.com", "viewer").statusCode());
        String viewer = signed("viewer1", "test-issuer", "test-audience", Instant.now(), Duration.ofMinutes(5), Role.VIEWER);
        String[] parts = viewer.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Instant now = Instant.now();
        List<String> forged = List.of(
                b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload.replace("\"viewer\"", "\"admin\"")) + ".",
                parts[0] + "." + b64(payload.replace("\"viewer\"", "\"admin\"")) + "." + parts[2],
                signed("test-issuer", "test-audience", now.minus(Duration.ofHours(2)), Duration.ofMinutes(30), Role.ADMIN),
                signed("test-issuer", "test-audience", now.plus(Duration.ofHours(1)), Duration.ofMinutes(30), Role.ADMIN),
                signed("another-issuer", "test-audience", now, Duration.ofMinutes(30), Role.ADMIN),
                signed("test-issuer", "another-audience", now, Duration.ofMinutes(30), Role.ADMIN),
                JwtTokens.hmac("another-secret-that-is-long-enough-for-hs256", TOKEN_POLICY).issue(new TokenClaims("username:admin",
                        "A", "A", "a@example.com", Role.ADMIN, "test-issuer", "test-audience", now, now.plusSeconds(600))),
                "garbage", "a.b.c", "", "Bearer x");
        for (String token : forged) {
            assertSafeError(get("/detections", token), 401);
            assertSafeError(get("/alerts?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null), 401);
            assertSafeError(postJson("/rules", token, "{\"name\": \"x\", \"conditions\": {\"make\": [\"a\"]}}"), 401);
            assertSafeError(createUser(token, "mallory", "mallory@example.com", "admin"), 401);
        }
        assertEquals(2, json(get("/users", adminToken())).get("size").asInt());
        assertEquals(0, json(get("/rules", adminToken())).get("size").asInt());
        assertEquals(200, get("/detections", viewer).statusCode(), "the untampered token still works");
    }

    @Test
    void injectionStringsAreDataOrRefusedNeverCode() {
        String admin = adminToken();
        HttpResponse<String> user = postJson("/users", admin, """
                {"name": "%s", "lastname": "%s", "email": "a@example.com", "username": "plainuser", "password": "%s"}"""
                .formatted(INJECTION, INJECTION, INJECTION));
        assertEquals(201, user.statusCode(), "stored as plain text: " + user.body());
        assertSafeError(createUser(admin, INJECTION, "b@example.com", "viewer"), 422);
        assertSafeError(createUser(admin, "other", INJECTION, "viewer"), 422);
        assertSafeError(createUser(admin, "other", "c@example.com", INJECTION), 422);
        HttpResponse<String> rule = postJson("/rules", admin, """
                {"name": "%s", "conditions": {"make": ["%s"], "model": {"contains": "%s"}}}""".formatted(INJECTION, INJECTION, INJECTION));
        assertEquals(201, rule.statusCode(), rule.body());
        for (String query : List.of("make", "category", "after", "from", "to", "skip", "limit")) {
            HttpResponse<String> response = get("/detections?" + query + "=" + ENCODED, admin);
            if (response.statusCode() != 200) {
                assertSafeError(response, 422);
            }
        }
        assertSafeError(get("/users?skip=" + ENCODED, admin), 422);
        assertSafeError(get("/rules/" + ENCODED.replace("+", "%20"), admin), 404);
        assertSafeError(login(INJECTION, INJECTION), 401);
        assertEquals(2, json(get("/users", admin)).get("size").asInt());
        assertEquals(INJECTION, json(get("/rules", admin)).get("data").get(0).get("name").asText());
        assertEquals(200, get("/stats", admin).statusCode());
    }

    @Test
    void nulCharactersAndBrokenUnicodeAreRefusedInTextAndFiltersNeverAnInternalError() {
        String admin = adminToken();
        // As JSON escapes: a NUL (which PostgreSQL text cannot hold) and half of a surrogate pair.
        for (String bad : List.of("a\\u0000b", "a\\ud800b", "\\udc00")) {
            assertSafeError(postJson("/users", admin, """
                    {"name": "%s", "lastname": "B", "email": "x@example.com", "username": "plainuser", "password": "long-enough"}"""
                    .formatted(bad)), 422);
            assertSafeError(postJson("/rules", admin, """
                    {"name": "%s", "conditions": {"make": ["Lada"]}}""".formatted(bad)), 422);
            assertSafeError(postJson("/rules", admin, """
                    {"name": "ok", "conditions": {"make": ["%s"], "model": {"contains": "%s"}}}""".formatted(bad, bad)), 422);
        }
        assertSafeError(get("/detections?make=a%00b", admin), 422);
        assertSafeError(get("/detections?category=a%00b", admin), 422);
        assertSafeError(get("/rules/a%00b", admin), 404);
        assertSafeError(sendJson("DELETE", "/rules/a%00b", admin, null), 404);
        assertSafeError(sendJson("PUT", "/rules/a%00b", admin, """
                {"name": "ok", "conditions": {"make": ["Lada"]}}"""), 422);
        assertEquals(1, json(get("/users", admin)).get("size").asInt());
        assertEquals(0, json(get("/rules", admin)).get("size").asInt());
    }

    @Test
    void unknownPathsAnswer404UnknownMethods405AndMalformedRequests400WithAShortJsonError() throws Exception {
        String admin = adminToken();
        assertSafeError(get("/nope", admin), 404);
        assertSafeError(get("/nope", null), 404);
        // A user is changed or deleted by its id, never read by it: GET names the methods it has.
        assertSafeError(get("/users/" + ENCODED.replace("+", "%20"), admin), 405);
        assertSafeError(sendJson("DELETE", "/stats", admin, null), 405);
        assertSafeError(sendJson("PUT", "/users", admin, "{}"), 405);
        // Refused by the server before any route (a malformed escape, a character a query may not hold, a
        // space): the same short JSON, where Helidon alone sends an empty body.
        for (String target : List.of("/detections?make=%zz", "/detections?make={}", "/detections?make=a b")) {
            String response = rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertEquals("bad request", HttpJson.MAPPER.readTree(body).path("error").asText(), response);
        }
        assertEquals(200, get("/stats", admin).statusCode());
    }

    @Test
    void aHundredWrongLoginsInARowFromOneAddressThrottleItOnThatAccountWithoutLockingOthersOut() {
        assertEquals(201, createUser(adminToken(), "bystander", "bystander@example.com", "viewer").statusCode());
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> response = login("admin", "wrong-password-" + i);
            assertSafeError(response, response.statusCode() == 429 ? 429 : 401);
            unauthorized += response.statusCode() == 401 ? 1 : 0;
            throttled += response.statusCode() == 429 ? 1 : 0;
        }
        assertEquals(5, unauthorized);
        assertEquals(95, throttled);
        assertSafeError(login("admin", ADMIN_PASSWORD), 429);
        assertEquals(200, login("bystander", "pass-bystander").statusCode());
    }
}
