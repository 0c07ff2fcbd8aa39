package io.intellisite.indexer.adapters.http.users;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.intellisite.indexer.application.port.in.user.AuthenticationFailedException;
import io.intellisite.indexer.application.port.in.user.TooManyLoginAttemptsException;
import java.util.function.Supplier;

/**
 * Password logins by outcome ({@code intellisite_logins_total{result="success|failure|throttled"}}), for the alert on
 * failures spiking: the request timer cannot tell a wrong password from any other 401. All three exist from the
 * start, at 0, so a rule's first rate has a series to read.
 */
public final class LoginCounts {
    private final Counter success;
    private final Counter failure;
    private final Counter throttled;

    public LoginCounts(MeterRegistry registry) {
        success = counter(registry, "success");
        failure = counter(registry, "failure");
        throttled = counter(registry, "throttled");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("intellisite.logins").description("password logins by outcome").tag("result", result)
                .register(registry);
    }

    <T> T count(Supplier<T> login) {
        try {
            T token = login.get();
            success.increment();
            return token;
        } catch (AuthenticationFailedException e) {
            failure.increment();
            throw e;
        } catch (TooManyLoginAttemptsException e) {
            throttled.increment();
            throw e;
        }
    }
}
