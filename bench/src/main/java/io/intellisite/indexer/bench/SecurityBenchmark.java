package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.security.JwtTokens;
import io.intellisite.indexer.adapters.security.Pbkdf2PasswordHasher;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.token.TokenPolicy;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.RawPassword;
import io.intellisite.indexer.domain.user.Role;
import java.time.Instant;
import java.util.Arrays;

/**
 * The two costs on the request path: verifying a password at login (the KDF, by design slow) and verifying
 * a bearer token on every other request. Warms up first, then reports the median and p99 of single calls.
 */
final class SecurityBenchmark {
    private SecurityBenchmark() {
    }

    static void run(int iterations) {
        Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(iterations);
        PasswordHash hash = hasher.hash(RawPassword.chosen("correct horse battery"));
        long[] login = time(30, () -> hasher.verify(RawPassword.attempt("correct horse battery"), hash));
        System.out.printf("password verification, PBKDF2-HMAC-SHA256 x %,d: median %.1f ms, p99 %.1f ms (%d runs)%n",
                iterations, login[login.length / 2] / 1e6, login[(int) (login.length * 0.99)] / 1e6, login.length);

        TokenPolicy policy = TokenPolicy.ofMinutes("bench", "bench", 30);
        JwtTokens tokens = JwtTokens.hmac("benchmark-key-benchmark-key-benchmark-key", policy);
        Instant now = Instant.now();
        String token = tokens.issue(new TokenClaims("username:ann", "Ann", "Lee", "ann@example.com", Role.ADMIN,
                "bench", "bench", now, now.plusSeconds(1800)));
        time(20_000, () -> tokens.verify(token, Instant.now()).isPresent());
        long[] verify = time(100_000, () -> tokens.verify(token, Instant.now()).isPresent());
        System.out.printf("bearer token verification (HS256, signature + alg + time + iss + aud): median %.1f us, p99 %.1f us (%,d runs)%n",
                verify[verify.length / 2] / 1e3, verify[(int) (verify.length * 0.99)] / 1e3, verify.length);
        System.out.println("machine: " + Benchmarks.machine());
    }

    private static long[] time(int runs, java.util.function.BooleanSupplier call) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            if (!call.getAsBoolean()) {
                throw new IllegalStateException("verification failed");
            }
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos;
    }
}
