package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.bootstrap.config.ProductSettings;
import io.intellisite.indexer.bootstrap.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code health}: asks the instance on this host whether it is ready (GET /health/ready on HTTP_PORT) and exits 0 if so,
 * 1 if not: the image's health check, with no curl in a JRE image. Over HTTPS it trusts exactly the certificate in
 * HTTP_TLS_CERT, pinned, so the name the certificate was issued for need not be localhost.
 */
final class HealthCommand {
    private HealthCommand() {
    }

    static int run(Settings settings) {
        ProductSettings.Http http = ProductSettings.Http.from(settings);
        String scheme = http.tls().isPresent() ? "https" : "http";
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(scheme + "://127.0.0.1:" + http.port() + "/health/ready")
                    .toURL().openConnection();
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(pinned(http.tls().get().certificateChain()).getSocketFactory());
                https.setHostnameVerifier((host, session) -> true); // the certificate itself is pinned above
            }
            connection.setConnectTimeout(3_000);
            connection.setReadTimeout(5_000);
            int status = connection.getResponseCode();
            System.out.println("health: " + status + (status == 200 ? " ready" : " not ready"));
            return status == 200 ? 0 : 1;
        } catch (IOException | GeneralSecurityException e) {
            System.out.println("health: no answer (" + e.getMessage() + ")");
            return 1;
        }
    }

    private static SSLContext pinned(java.nio.file.Path chain) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(chain)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("served-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
