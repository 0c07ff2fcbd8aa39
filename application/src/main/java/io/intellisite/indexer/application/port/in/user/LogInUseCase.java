package io.intellisite.indexer.application.port.in.user;

/** Exchanges a username and password for a bearer token. */
public interface LogInUseCase {
    IssuedToken logIn(String username, String password);

    /** A signed token and its lifetime in seconds. */
    record IssuedToken(String accessToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedToken[****, expiresIn=" + expiresInSeconds + "]";
        }
    }
}
