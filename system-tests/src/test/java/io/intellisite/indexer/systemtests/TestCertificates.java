package io.intellisite.indexer.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A certificate authority and a server certificate it signed (for {@code localhost} and {@code 127.0.0.1}), made with
 * the JDK's keytool in a directory of the test's: as a PKCS12 key store and trust store for Kafka's listeners and
 * clients, and as PEM files for the HTTP server.
 */
record TestCertificates(Path keyStore, Path trustStore, String password, Path certificatePem, Path keyPem, Path caPem) {

    /** A CA named {@code caName} and a server certificate it signed, in {@code dir}. */
    static TestCertificates create(Path dir, String caName) throws Exception {
        Files.createDirectories(dir);
        String password = "test-store-password";
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path trust = dir.resolve("truststore.p12");
        Path caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=" + caName, "-ext", "bc:c", "-keyalg", "EC", "-validity", "2",
                "-keystore", ca.toString(), "-storepass", password, "-storetype", "PKCS12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-file", caPem.toString(), "-keystore", ca.toString(), "-storepass", password);
        keytool("-genkeypair", "-alias", "server", "-dname", "CN=localhost", "-keyalg", "EC", "-validity", "2",
                "-keystore", server.toString(), "-storepass", password, "-storetype", "PKCS12");
        Path request = dir.resolve("server.csr");
        Path signed = dir.resolve("server.crt");
        keytool("-certreq", "-alias", "server", "-file", request.toString(), "-keystore", server.toString(), "-storepass", password);
        keytool("-gencert", "-alias", "ca", "-infile", request.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "2",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "eku=serverAuth", "-keystore", ca.toString(), "-storepass", password);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString(), "-storepass", password);
        keytool("-importcert", "-alias", "server", "-file", signed.toString(), "-keystore", server.toString(), "-storepass", password);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", trust.toString(),
                "-storepass", password, "-storetype", "PKCS12");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server)) {
            store.load(in, password.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("server", password.toCharArray());
        List<String> chain = new ArrayList<>();
        for (Certificate certificate : store.getCertificateChain("server")) {
            chain.add(pem("CERTIFICATE", certificate.getEncoded()));
        }
        Path certificatePem = dir.resolve("server-chain.pem");
        Path keyPem = dir.resolve("server-key.pem");
        Files.writeString(certificatePem, String.join("", chain));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        return new TestCertificates(server, trust, password, certificatePem, keyPem, caPem);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
