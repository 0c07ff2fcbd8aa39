package io.intellisite.indexer.adapters.http.json;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.intellisite.indexer.application.port.in.AccessDeniedException;
import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.in.alert.TooManyAlertStreamsException;
import io.intellisite.indexer.application.port.in.user.AuthenticationFailedException;
import io.intellisite.indexer.application.port.in.user.TooManyLoginAttemptsException;
import io.intellisite.indexer.domain.DomainException;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.user.LastAdminException;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import java.lang.System.Logger.Level;
import java.util.Locale;

/** Maps every failure to a status and a short {@code {"error": ...}} body: no stack trace, class name or SQL. */
public final class ApiErrors {
    private static final System.Logger LOG = System.getLogger(ApiErrors.class.getName());

    private ApiErrors() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(InvalidValueException.class, (req, res, e) -> HttpJson.error(res, Status.UNPROCESSABLE_CONTENT_422, e.getMessage()))
                .error(UserAlreadyExistsException.class, (req, res, e) -> HttpJson.error(res, Status.BAD_REQUEST_400, e.getMessage()))
                .error(AuthenticationFailedException.class, (req, res, e) -> {
                    res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                    HttpJson.error(res, Status.UNAUTHORIZED_401, e.getMessage());
                })
                .error(AccessDeniedException.class, (req, res, e) -> HttpJson.error(res, Status.FORBIDDEN_403, e.getMessage()))
                .error(TooManyLoginAttemptsException.class, (req, res, e) -> {
                    res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
                    HttpJson.error(res, Status.TOO_MANY_REQUESTS_429, e.getMessage());
                })
                .error(TooManyAlertStreamsException.class, (req, res, e) -> {
                    res.header(HeaderNames.RETRY_AFTER, "5");
                    HttpJson.error(res, e.callerLimit() ? Status.TOO_MANY_REQUESTS_429 : Status.SERVICE_UNAVAILABLE_503, e.getMessage());
                })
                .error(LastAdminException.class, (req, res, e) -> HttpJson.error(res, Status.CONFLICT_409, e.getMessage()))
                .error(NotFoundException.class, (req, res, e) -> HttpJson.error(res, Status.NOT_FOUND_404, e.getMessage()))
                .error(ServiceUnavailableException.class, (req, res, e) -> {
                    if (e.getCause() != null) {
                        LOG.log(Level.WARNING, e.getMessage() + ": " + e.getCause());
                    }
                    res.header(HeaderNames.RETRY_AFTER, "5");
                    HttpJson.error(res, Status.SERVICE_UNAVAILABLE_503, e.getMessage());
                })
                .error(DomainException.class, (req, res, e) -> HttpJson.error(res, Status.BAD_REQUEST_400, e.getMessage()))
                // Helidon's own (no route for this path or method, a malformed request): its status, and the
                // status's reason phrase as the message, since its text may name internals.
                .error(HttpException.class, (req, res, e) -> {
                    if (e.status().code() == Status.NOT_MODIFIED_304.code()) {
                        // Static content's answer to a refresh, not an error: a 304 may carry no body.
                        res.status(e.status()).send();
                        return;
                    }
                    if (e.status().code() >= 500) {
                        LOG.log(Level.ERROR, "request " + req.prologue().method() + " " + req.path().absolute().path() + " failed", e);
                    }
                    HttpJson.error(res, e.status(), e.status().reasonPhrase().toLowerCase(Locale.ROOT));
                })
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "request " + req.prologue().method() + " " + req.path().absolute().path() + " failed", e);
                    HttpJson.error(res, Status.INTERNAL_SERVER_ERROR_500, "internal error");
                });
    }
}
