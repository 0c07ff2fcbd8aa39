package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.bootstrap.config.StartupException;
import io.intellisite.indexer.embedded.FreePort;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the product against real infrastructure: ready when it should be, a one-line error when it cannot. */
class StartupTest {

    private static Map<String, String> settings(Path dir) {
        Map<String, String> s = TestInfrastructure.productSettings(dir, "startup-" + System.nanoTime());
        s.put("ADMIN_USERNAME", "root");
        s.put("ADMIN_PASSWORD", "root-password");
        return s;
    }

    @Test
    void startsReadyAndTheFirstAdminCanLogIn(@TempDir Path dir) throws Exception {
        TestInfrastructure.emptyDatabase();
        try (IndexerApplication app = IndexerApplication.start(Settings.load(settings(dir)))) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.httpPort();
            Eventually.waitFor(() -> ProductClient.readiness(base + "/health/ready").status() == 200, Duration.ofSeconds(30));
            ProductClient.Readiness ready = ProductClient.readiness(base + "/health/ready");
            assertEquals(200, ready.status(), ready.body());
            assertTrue(ready.body().contains("\"database\""), ready.body());
            HttpResponse<String> login = ProductClient.login(app.httpPort(), "root", "root-password");
            assertEquals(200, login.statusCode(), login.body());
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void anUnreachableBrokerFailsNamingKafkaBrokerUrlWithin30Seconds(@TempDir Path dir) {
        Map<String, String> s = settings(dir);
        s.put("KAFKA_BROKER_URL", "127.0.0.1:" + FreePort.pick());
        long start = System.nanoTime();
        StartupException e = assertThrows(StartupException.class, () -> IndexerApplication.start(Settings.load(s)).close());
        assertTrue(e.getMessage().startsWith("KAFKA_BROKER_URL: "), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30);
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anUnreachableDatabaseFailsNamingDatabaseUrl(@TempDir Path dir) {
        Map<String, String> s = settings(dir);
        s.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + FreePort.pick() + "/nothing");
        StartupException e = assertThrows(StartupException.class, () -> IndexerApplication.start(Settings.load(s)).close());
        assertTrue(e.getMessage().startsWith("DATABASE_URL: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aPortInUseFailsNamingHttpPort(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            Map<String, String> s = settings(dir);
            s.put("HTTP_PORT", String.valueOf(taken.getLocalPort()));
            StartupException e = assertThrows(StartupException.class, () -> IndexerApplication.start(Settings.load(s)).close());
            assertTrue(e.getMessage().startsWith("HTTP_PORT: "), e.getMessage());
        }
    }

    /** Issue 19, point 5: outside the embedded demo there is no default account, so no start without one. */
    @Test
    void aRunThatIsNotTheDemoRefusesToStartWithoutAnyUserOrAdminPassword(@TempDir Path dir) {
        TestInfrastructure.emptyDatabase();
        Map<String, String> s = settings(dir);
        s.remove("ADMIN_USERNAME");
        s.remove("ADMIN_PASSWORD");
        StartupException e = assertThrows(StartupException.class, () -> IndexerApplication.start(Settings.load(s)).close());
        assertTrue(e.getMessage().startsWith("ADMIN_PASSWORD: no user exists yet"), e.getMessage());
    }

    @Test
    void aShortHs256KeyIsRefusedOutsideTheDemo(@TempDir Path dir) {
        Map<String, String> s = settings(dir);
        s.put("JWT_KEY", "short");
        StartupException e = assertThrows(StartupException.class, () -> IndexerApplication.start(Settings.load(s)).close());
        assertTrue(e.getMessage().startsWith("JWT_KEY: "), e.getMessage());
        s.remove("JWT_KEY");
        s.put("JWT_KEY", "");
        e = assertThrows(StartupException.class, () -> IndexerApplication.start(Settings.load(s)).close());
        assertTrue(e.getMessage().startsWith("JWT_KEY: "), e.getMessage());
    }

    @Test
    void malformedSettingsNameTheSetting() {
        StartupException e = assertThrows(StartupException.class, () -> Settings.load(Map.of("HTTP_PORT", "eighty")).integer("HTTP_PORT", 0, 65535));
        assertEquals("HTTP_PORT: must be an integer, not 'eighty'", e.getMessage());
    }
}
