package io.intellisite.indexer.adapters.http.security;

import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's certificate chain and private key as PEM files, and how often to look whether they changed: cert-manager
 * and the like replace them in place before they expire, and the server takes the new pair without a restart
 * (connections already open keep the old one). A pair that does not load (a file half written) is tried again at the
 * next look; the server keeps serving with the last good one.
 */
public record TlsFiles(Path certificateChain, Path privateKey, Duration checkEvery) {
    private static final System.Logger LOG = System.getLogger(TlsFiles.class.getName());

    /** The pair as Helidon serves it; an unreadable or mismatched pair throws. */
    public Tls load() {
        Keys keys = Keys.builder().pem(pem -> pem.key(Resource.create(privateKey)).certChain(Resource.create(certificateChain)))
                .build();
        if (keys.privateKey().isEmpty() || keys.certChain().isEmpty()) {
            throw new IllegalArgumentException("no private key in " + privateKey + " or no certificate in " + certificateChain);
        }
        requireMatch(keys.privateKey().get(), keys.certChain().getFirst());
        return Tls.builder().privateKey(keys).privateKeyCertChain(keys).build();
    }

    // Mid-renewal the key may already be new and the certificate still old: served, every handshake would fail.
    private static void requireMatch(PrivateKey key, X509Certificate certificate) {
        try {
            String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
            byte[] probe = "intellisite-indexer key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("the private key does not belong to the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot check the private key against the certificate: " + e.getMessage(), e);
        }
    }

    /** Looks for a changed pair every {@link #checkEvery} and serves it from then on; running the result stops looking. */
    public Runnable watch(WebServer server) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("tls-reload").factory());
        AtomicReference<List<Object>> served = new AtomicReference<>(stamp());
        timer.scheduleWithFixedDelay(() -> {
            List<Object> now = stamp();
            if (now.equals(served.get())) {
                return;
            }
            try {
                server.reloadTls(load());
                served.set(now);
                LOG.log(Level.INFO, "HTTPS certificate reloaded from " + certificateChain);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "HTTPS certificate changed but does not load yet (" + e
                        + "); still serving the previous one, trying again in " + checkEvery.toSeconds() + " s");
            }
        }, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    // Modification times and sizes, following links: Kubernetes swaps a secret's files by moving a symbolic link.
    private List<Object> stamp() {
        try {
            return List.of(Files.getLastModifiedTime(certificateChain), Files.size(certificateChain),
                    Files.getLastModifiedTime(privateKey), Files.size(privateKey));
        } catch (IOException e) {
            return List.of(e.getClass().getName());
        }
    }
}
