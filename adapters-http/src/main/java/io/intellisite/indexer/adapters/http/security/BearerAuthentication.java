package io.intellisite.indexer.adapters.http.security;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.AuthenticateUseCase;
import io.intellisite.indexer.application.port.in.user.AuthenticationFailedException;
import java.util.Locale;
import java.util.Optional;

/** Reads the bearer token of a request and asks the application who holds it. */
public final class BearerAuthentication {
    private static final String SCHEME = "bearer ";
    private final AuthenticateUseCase authenticate;

    public BearerAuthentication(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    /** The caller, from {@code Authorization: Bearer <token>}; 401 when absent or invalid. */
    public Principal require(ServerRequest req) {
        return authenticate.authenticate(headerToken(req).orElseThrow(BearerAuthentication::missing));
    }

    /**
     * Also accepts {@code ?access_token=}, for browsers' EventSource, which cannot send headers. Used by the
     * SSE endpoints only (/alerts, /stats/live); the query string is never logged.
     */
    public Principal requireAllowingQueryToken(ServerRequest req) {
        Optional<String> token = headerToken(req).or(() -> req.query().first("access_token").asOptional());
        return authenticate.authenticate(token.orElseThrow(BearerAuthentication::missing));
    }

    /** Whether the caller's token still counts: unexpired, and its account not changed since (a long stream asks). */
    public boolean stillValid(Principal principal) {
        return authenticate.stillValid(principal);
    }

    private static Optional<String> headerToken(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.length() > SCHEME.length() && h.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME))
                .map(h -> h.substring(SCHEME.length()).strip());
    }

    private static AuthenticationFailedException missing() {
        return new AuthenticationFailedException("not authenticated");
    }
}
