package io.intellisite.indexer.adapters.http;

import static io.intellisite.indexer.adapters.http.ApiAssertions.assertSafeError;
import static io.intellisite.indexer.adapters.http.ApiAssertions.isUuidV4;
import static io.intellisite.indexer.adapters.http.ApiAssertions.json;
import static io.intellisite.indexer.adapters.http.ApiAssertions.jwtPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.UserRepository;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The users, login and token behaviour of the API, over a real socket; subclasses choose the repositories. */
public abstract class UsersApiTests extends HttpApiContract {
    protected UsersApiTests() {
    }

    protected UsersApiTests(Supplier<UserRepository> emptyUsers, Supplier<DetectionRepository> emptyDetections) {
        super(emptyUsers, emptyDetections);
    }


    @Test
    void adminLogsInAndGetsABearerToken() {
        HttpResponse<String> response = login("admin", ADMIN_PASSWORD);
        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals("bearer", body.get("token_type").asText());
        assertEquals(1800, body.get("expires_in").asInt());
        JsonNode claims = jwtPayload(body.get("access_token").asText());
        assertEquals("username:admin", claims.get("sub").asText());
        assertEquals("admin", claims.get("role").asText());
        assertEquals("test-issuer", claims.get("iss").asText());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void tenUsersAreCreatedWithV4IdsRefusedTwiceAndEachLogsInWithOwnEmailThenListedByName() {
        String admin = adminToken();
        for (int i = 9; i >= 0; i--) {
            HttpResponse<String> created = createUser(admin, "user" + i, "user" + i + "@example.com", "viewer");
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(isUuidV4(json(created).get("id").asText()));
        }
        for (int i = 0; i < 10; i++) {
            assertSafeError(createUser(admin, "user" + i, "user" + i + "@example.com", "viewer"), 400);
        }
        HttpResponse<String> sameUsername = createUser(admin, "user3", "fresh@example.com", "viewer");
        HttpResponse<String> sameEmail = createUser(admin, "fresh", "user3@example.com", "viewer");
        assertSafeError(sameUsername, 400);
        assertEquals(sameUsername.body(), sameEmail.body(), "no hint of which field is taken");
        for (int i = 0; i < 10; i++) {
            String token = token("user" + i, "pass-user" + i);
            assertEquals("user" + i + "@example.com", jwtPayload(token).get("email").asText());
        }
        JsonNode page = json(get("/users?skip=0&limit=100", admin));
        assertEquals(11, page.get("size").asInt());
        List<String> names = new ArrayList<>();
        page.get("users").forEach(u -> names.add(u.get("name").asText()));
        assertEquals(names.stream().sorted().toList(), names);
        JsonNode first = page.get("users").get(0);
        assertEquals("admin", first.get("credentials").get(0).get("username").asText());
        assertEquals(2, json(get("/users?skip=1&limit=2", admin)).get("users").size());
    }

    @Test
    void userCreationNeedsAValidAdminToken() {
        assertSafeError(createUser(null, "ann", "ann@example.com", "viewer"), 401);
        assertSafeError(createUser("not.a.token", "ann", "ann@example.com", "viewer"), 401);
        String admin = adminToken();
        assertSafeError(createUser(admin.substring(0, admin.length() - 4), "ann", "ann@example.com", "viewer"), 401);
        assertEquals(201, createUser(admin, "viewer1", "viewer1@example.com", "viewer").statusCode());
        String viewer = token("viewer1", "pass-viewer1");
        assertSafeError(createUser(viewer, "ann", "ann@example.com", "admin"), 403);
        assertSafeError(get("/users", null), 401);
    }

    /**
     * Issue 19, point 3: a user changes its password; an admin disables, re-enables, promotes and deletes it; each
     * change ends the tokens it held, also those issued in the same second, and a login just after it counts.
     */
    @Test
    void anAccountIsChangedDisabledAndDeletedAndEachChangeEndsItsTokens() {
        String admin = adminToken();
        String id = json(createUser(admin, "viewer1", "viewer1@example.com", "viewer")).get("id").asText();
        String viewer = token("viewer1", "pass-viewer1");
        assertSafeError(postJson("/users/me/password", viewer, "{\"old_password\": \"wrong\", \"new_password\": \"a-new-password\"}"), 422);
        assertEquals(204, postJson("/users/me/password", viewer,
                "{\"old_password\": \"pass-viewer1\", \"new_password\": \"a-new-password\"}").statusCode());
        assertSafeError(get("/users/me", viewer), 401);
        assertSafeError(login("viewer1", "pass-viewer1"), 401);
        String renewed = token("viewer1", "a-new-password");
        assertEquals(200, get("/users/me", renewed).statusCode());

        assertSafeError(sendJson("PATCH", "/users/" + id, renewed, "{\"role\": \"admin\"}"), 403);
        assertSafeError(sendJson("PATCH", "/users/" + id, admin, "{\"name\": \"x\"}"), 422);
        assertSafeError(sendJson("PATCH", "/users/" + id, admin, "{\"disabled\": \"yes\"}"), 422);
        assertSafeError(sendJson("PATCH", "/users/not-an-id", admin, "{\"disabled\": true}"), 404);
        assertEquals(204, sendJson("PATCH", "/users/" + id, admin, "{\"disabled\": true}").statusCode());
        assertSafeError(get("/users/me", renewed), 401);
        assertSafeError(login("viewer1", "a-new-password"), 401);
        assertEquals(204, sendJson("PATCH", "/users/" + id, admin, "{\"disabled\": false, \"role\": \"admin\"}").statusCode());
        String promoted = token("viewer1", "a-new-password");
        assertEquals("admin", json(get("/users/me", promoted)).get("role").asText());

        String ownId = json(get("/users/me", admin)).get("id").asText();
        assertEquals(204, sendJson("DELETE", "/users/" + id, admin, null).statusCode());
        assertSafeError(get("/users/me", promoted), 401);
        assertSafeError(sendJson("DELETE", "/users/" + id, admin, null), 404);
        assertSafeError(sendJson("PATCH", "/users/" + ownId, admin, "{\"role\": \"viewer\"}"), 409);
        assertSafeError(sendJson("DELETE", "/users/" + ownId, admin, null), 409);
        assertEquals(200, get("/users/me", admin).statusCode(), "the refused changes changed nothing");
    }

    /** Least privilege: the list of everyone (e-mails, roles, usernames) is an admin's; a viewer sees itself. */
    @Test
    void onlyAdminsListUsersAndEveryoneSeesItself() {
        String admin = adminToken();
        HttpResponse<String> created = createUser(admin, "viewer1", "viewer1@example.com", "viewer");
        String viewer = token("viewer1", "pass-viewer1");
        assertSafeError(get("/users", viewer), 403);
        JsonNode me = json(get("/users/me", viewer));
        assertEquals(json(created).get("id").asText(), me.get("id").asText());
        assertEquals("viewer1@example.com", me.get("email").asText());
        assertEquals("viewer", me.get("role").asText());
        assertEquals("viewer1", me.get("credentials").get(0).get("username").asText());
        assertEquals("admin", json(get("/users/me", admin)).get("credentials").get(0).get("username").asText());
        assertSafeError(get("/users/me", null), 401);
    }

    @Test
    void malformedBodiesAnswer422AndStoreNothing() {
        String admin = adminToken();
        assertSafeError(postJson("/users", admin, ""), 422);
        assertSafeError(postJson("/users", admin, "{not json"), 422);
        assertSafeError(postJson("/users", admin, "[1, 2]"), 422);
        assertSafeError(postJson("/users", admin, "{}"), 422);
        assertSafeError(postJson("/users", admin, "{\"name\": \"A\", \"lastname\": \"B\", \"email\": \"a@b.co\", \"username\": \"abc\"}"), 422);
        assertSafeError(postJson("/users", admin, "{\"name\": 5, \"lastname\": \"B\", \"email\": \"a@b.co\", \"username\": \"abc\", \"password\": \"long-enough\"}"), 422);
        assertSafeError(postJson("/users", admin, "{\"name\": \"A\", \"lastname\": \"B\", \"email\": \"nope\", \"username\": \"abc\", \"password\": \"long-enough\"}"), 422);
        assertSafeError(postJson("/users", admin, "{\"name\": \"A\", \"lastname\": \"B\", \"email\": \"a@b.co\", \"username\": \"abc\", \"password\": \"short\"}"), 422);
        assertSafeError(postJson("/users", admin, "{\"name\": \"A\", \"lastname\": \"B\", \"email\": \"a@b.co\", \"username\": \"x'; drop table users;--\", \"password\": \"long-enough\"}"), 422);
        // A field given twice: which value counts would depend on the reader.
        assertSafeError(postJson("/users", admin, "{\"name\": \"A\", \"lastname\": \"B\", \"email\": \"a@b.co\", \"username\": \"abc\", \"password\": \"long-enough\", \"role\": \"user\", \"role\": \"admin\"}"), 422);
        assertEquals(1, json(get("/users", admin)).get("size").asInt());
    }

    @Test
    void pagingParametersAreValidated() {
        String admin = adminToken();
        assertSafeError(get("/users?skip=-1", admin), 422);
        assertSafeError(get("/users?limit=0", admin), 422);
        assertSafeError(get("/users?limit=1001", admin), 422);
        assertSafeError(get("/users?limit=ten", admin), 422);
        assertEquals(200, get("/users?limit=1000", admin).statusCode());
    }

    @Test
    void wrongLoginsFailAlikeAndFiveInAMinuteFromOneAddressMakeItWaitOnThatAccount() {
        HttpResponse<String> unknown = login("nobody", "whatever-password");
        HttpResponse<String> wrong = login("admin", "wrong-password");
        assertSafeError(unknown, 401);
        assertSafeError(wrong, 401);
        assertEquals(unknown.body(), wrong.body());
        for (int i = 0; i < 4; i++) {
            assertSafeError(login("admin", "wrong-password"), 401);
        }
        HttpResponse<String> locked = login("admin", ADMIN_PASSWORD);
        assertSafeError(locked, 429);
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        assertSafeError(send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\"}"))), 422);
    }

    @Test
    void loginTakesOnlyThePasswordGrantWithEachParameterOnce() {
        assertEquals(200, loginForm("grant_type=password&username=admin&password=" + ADMIN_PASSWORD).statusCode());
        assertEquals(200, loginForm("username=admin&password=" + ADMIN_PASSWORD + "&scope=").statusCode());
        assertSafeError(loginForm("grant_type=client_credentials&username=admin&password=" + ADMIN_PASSWORD), 422);
        assertSafeError(loginForm("username=admin&password=" + ADMIN_PASSWORD + "&username=someone-else"), 422);
        assertSafeError(loginForm("username=admin&password=wrong-password&password=" + ADMIN_PASSWORD), 422);
    }

    /** The form Swagger UI and the prototype's README send: every OAuth2 field present, the unused ones empty. */
    @Test
    void theFormClientsOfThePrototypeSendGetsAToken() {
        HttpResponse<String> response = loginForm("grant_type=&username=admin&password=" + ADMIN_PASSWORD
                + "&scope=&client_id=&client_secret=");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(200, loginForm("grant_type=password&username=admin&password=" + ADMIN_PASSWORD + "&client_id=").statusCode());
        // RFC 6749 3.1: a parameter without a value counts as omitted, so an empty username is a missing one.
        assertSafeError(loginForm("username=&password=" + ADMIN_PASSWORD), 422);
    }

    private HttpResponse<String> loginForm(String form) {
        return send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String admin = adminToken();
        String huge = "{\"name\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        // Expect: 100-continue, as careful clients send big bodies: the server can refuse before the upload,
        // instead of closing a connection the client is still writing to.
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/users")).expectContinue(true)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString(huge)));
        assertEquals(413, response.statusCode());
        assertEquals(1, json(get("/users", admin)).get("size").asInt());
    }
}
