package io.intellisite.indexer.adapters.http.security;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;

/**
 * Browser hardening on every answer, set before the handler runs so that a stream's headers carry it too: the
 * pages load scripts only from this origin and none inline, no other site may frame them (clickjacking), a browser
 * never guesses a type other than the one sent, and no page's address (a token could be in it) leaves as a referrer.
 * Styles may be inline: Swagger UI sets style attributes, and a style cannot run code.
 */
public final class SecurityHeadersFilter implements Filter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private static final Header[] HEADERS = {
        HeaderValues.create(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY),
        HeaderValues.create(HeaderNames.create("X-Content-Type-Options"), "nosniff"),
        HeaderValues.create(HeaderNames.create("Referrer-Policy"), "no-referrer"),
        // For browsers older than frame-ancestors.
        HeaderValues.create(HeaderNames.create("X-Frame-Options"), "DENY")};

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        harden(res);
        chain.proceed();
    }

    /** Also called for every error answer: Helidon's error handling starts a response without the filter's headers. */
    public static void harden(ServerResponse res) {
        for (Header header : HEADERS) {
            res.header(header);
        }
    }
}
