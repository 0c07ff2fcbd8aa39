package io.intellisite.indexer.adapters.http.security;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/** With HTTPS on, tells browsers to use nothing else for this host for a year (RFC 6797), so no later visit goes in clear. */
public final class StrictTransportSecurityFilter implements Filter {
    private static final Header HSTS = HeaderValues.create(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(HSTS);
        chain.proceed();
    }
}
