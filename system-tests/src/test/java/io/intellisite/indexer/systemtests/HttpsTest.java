package io.intellisite.indexer.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.adapters.http.SseTestClient;
import io.intellisite.indexer.adapters.kafka.wire.DetectionJson;
import io.intellisite.indexer.application.testing.Eventually;
import io.intellisite.indexer.bootstrap.IndexerApplication;
import io.intellisite.indexer.bootstrap.config.Settings;
import io.intellisite.indexer.domain.detection.Detection;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, point 2: HTTPS from PEM files, for the API, the alert stream and the pages, with HSTS; clients that trust
 * only the test's certificate authority. The files are then replaced by a pair of another authority, as cert-manager
 * renews them, and new connections get the new certificate without a restart.
 */
class HttpsTest {
    @Test
    void theApiStreamsAndPagesAreServedOverTlsAndARenewedCertificateIsTakenWithoutARestart(@TempDir Path dir) throws Exception {
        TestCertificates first = TestCertificates.create(dir.resolve("first"), "https-test-first-ca");
        TestCertificates renewed = TestCertificates.create(dir.resolve("renewed"), "https-test-renewed-ca");
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        Files.copy(first.certificatePem(), cert);
        Files.copy(first.keyPem(), key);
        String run = "https" + System.nanoTime();
        TestInfrastructure.emptyDatabase();
        Map<String, String> s = new HashMap<>(TestInfrastructure.productSettings(dir.resolve("data"), run));
        s.put("HTTP_TLS_CERT", cert.toString());
        s.put("HTTP_TLS_KEY", key.toString());
        s.put("HTTP_TLS_CHECK_SECONDS", "1");
        try (IndexerApplication app = IndexerApplication.start(Settings.load(s))) {
            String base = "https://localhost:" + app.httpPort();
            HttpClient trustsFirst = client(first);
            HttpResponse<String> page = trustsFirst.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(""));
            String form = "username=admin&password=admin-password";
            HttpResponse<String> login = trustsFirst.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String token = login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            try (SseTestClient alerts = new SseTestClient(trustsFirst, URI.create(base + "/alerts"), Map.of("Authorization", "Bearer " + token))) {
                assertEquals(200, alerts.status());
                try (var producer = TestInfrastructure.producer()) {
                    producer.send(new ProducerRecord<>(s.get("DETECTIONS_TOPIC"), null,
                            DetectionJson.detection(new Detection(2020, "Toyota", "RAV4", "SUV")))).get();
                }
                assertEquals(1, alerts.take("alert", 1, Duration.ofSeconds(60)).size(), "the alert stream over TLS");
            }
            assertThrows(SSLHandshakeException.class, () -> get(client(renewed), base + "/health/live"), "another CA's client");
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.httpPort() + "/health/live")).build(), HttpResponse.BodyHandlers.ofString()),
                    "no plain HTTP on the TLS port");

            // Renewed in place, key first: the watch sees a key that is not the certificate's and keeps the old pair.
            Files.copy(renewed.keyPem(), key, StandardCopyOption.REPLACE_EXISTING);
            Thread.sleep(2_500);
            assertTrue(answers(client(first), base + "/health/live"), "a half-renewed pair is not served");
            Files.copy(renewed.certificatePem(), cert, StandardCopyOption.REPLACE_EXISTING);
            Eventually.waitFor(() -> answers(client(renewed), base + "/health/live"), Duration.ofSeconds(20),
                    () -> "the renewed certificate is served");
            assertThrows(SSLHandshakeException.class, () -> get(client(first), base + "/health/live"), "the old CA no longer");
        }
    }

    private static boolean answers(HttpClient client, String url) {
        try {
            return get(client, url) == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static int get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A client that trusts {@code certificates}' authority only (and keeps no connection between calls). */
    private static HttpClient client(TestCertificates certificates) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(certificates.trustStore())) {
                trust.load(in, certificates.password().toCharArray());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
