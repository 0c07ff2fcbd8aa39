package io.intellisite.indexer.adapters.http.users;

import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.intellisite.indexer.adapters.http.json.HttpJson;
import io.intellisite.indexer.adapters.http.security.BearerAuthentication;
import io.intellisite.indexer.adapters.http.security.TrustedProxies;
import io.intellisite.indexer.application.port.in.user.LogInUseCase;
import io.intellisite.indexer.application.port.in.user.RenewTokenUseCase;
import io.intellisite.indexer.domain.InvalidValueException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login}: the OAuth2 password grant's form, answered with a bearer token; {@code POST /login/renew}: a
 * token that still counts, answered with a fresh one of the same session.
 */
public final class LoginHttpService implements HttpService {
    private final LogInUseCase logIn;
    private final BearerAuthentication bearer;
    private final RenewTokenUseCase renew;
    private final TrustedProxies proxies;
    private final LoginCounts counts;

    public LoginHttpService(LogInUseCase logIn, BearerAuthentication bearer, RenewTokenUseCase renew, TrustedProxies proxies,
                     LoginCounts counts) {
        this.logIn = logIn;
        this.counts = counts;
        this.proxies = proxies;
        this.bearer = bearer;
        this.renew = renew;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::logIn).post("/renew", this::renew);
    }

    private void renew(ServerRequest req, ServerResponse res) {
        send(res, renew.renew(bearer.require(req)));
    }

    private void logIn(ServerRequest req, ServerResponse res) {
        boolean isForm = req.headers().contentType()
                .map(type -> type.mediaType().text().equalsIgnoreCase("application/x-www-form-urlencoded"))
                .orElse(false);
        if (!isForm || !req.content().hasEntity()) {
            throw new InvalidValueException("expected an application/x-www-form-urlencoded body with username and password");
        }
        Parameters form = req.content().as(Parameters.class);
        // RFC 6749 3.1: no parameter more than once; the grant, when named, is the password grant.
        for (String name : form.names()) {
            if (form.all(name).size() > 1) {
                throw new InvalidValueException(name + " must be given once");
            }
        }
        if (given(form, "grant_type").filter(grant -> !grant.equals("password")).isPresent()) {
            throw new InvalidValueException("grant_type must be password");
        }
        String username = given(form, "username").orElse(null);
        String password = given(form, "password").orElse(null);
        if (username == null || password == null) {
            throw new InvalidValueException("username and password are required");
        }
        send(res, counts.count(() -> logIn.logIn(username, password, proxies.clientAddress(req))));
    }

    private static void send(ServerResponse res, LogInUseCase.IssuedToken token) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.PRAGMA, "no-cache");
        HttpJson.send(res, Status.OK_200, Map.of("access_token", token.accessToken(), "token_type", "bearer",
                "expires_in", token.expiresInSeconds()));
    }


    // RFC 6749 3.1: a parameter sent without a value is treated as omitted (Swagger UI sends grant_type= and the rest).
    private static Optional<String> given(Parameters form, String name) {
        return form.first(name).asOptional().filter(value -> !value.isEmpty());
    }
}
