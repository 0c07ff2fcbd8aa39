package io.intellisite.indexer.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.intellisite.indexer.adapters.http.security.TrustedProxies;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Behind a trusted proxy, login throttling counts the client its X-Forwarded-For names, not the proxy. */
class TrustedProxiesApiTest extends HttpApiContract {
    @Override
    protected TrustedProxies trustedProxies() {
        return TrustedProxies.parse("127.0.0.0/8, ::1");
    }

    private HttpResponse<String> loginVia(String forwardedFor, String password) {
        String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @Test
    void eachForwardedClientIsThrottledOnItsOwnAndAWrittenHopIsNotBelieved() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, loginVia("10.0.0.1", "wrong").statusCode());
        }
        assertEquals(429, loginVia("10.0.0.1", ADMIN_PASSWORD).statusCode(), "this client tried too often");
        // The client wrote 10.0.0.2 itself; the proxy appended the address it saw.
        assertEquals(429, loginVia("10.0.0.2, 10.0.0.1", ADMIN_PASSWORD).statusCode(), "the leftmost hop is the client's word");
        assertEquals(200, loginVia("10.0.0.2", ADMIN_PASSWORD).statusCode(), "another client behind the same proxy gets in");
        assertEquals(200, loginVia("10.0.0.1, 10.0.0.3, 127.0.0.5", ADMIN_PASSWORD).statusCode(),
                "a trusted hop is skipped: the client is 10.0.0.3");
    }

    @Test
    void onlyAddressesAndRangesAreTrusted() {
        for (String bad : new String[] {"proxy.example.com", "10.0.0.0/33", "10.0.0.1/x", "fd00::/129", "10.0.0.0/8/8"}) {
            assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(bad), bad);
        }
        TrustedProxies.parse(" 10.0.0.0/8 ,fd00::/8,192.168.1.7, ");
    }
}
