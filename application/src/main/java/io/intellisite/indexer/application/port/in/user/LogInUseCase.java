package io.intellisite.indexer.application.port.in.user;

/**
 * Exchanges a username and password for a bearer token; {@code clientAddress} (the network address the attempt came
 * from) is what failed attempts are throttled by, beside the account.
 */
public interface LogInUseCase {
    IssuedToken logIn(String username, String password, String clientAddress);

    /** A signed token and its lifetime in seconds. */
    record IssuedToken(String accessToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedToken[****, expiresIn=" + expiresInSeconds + "]";
        }
    }
}
