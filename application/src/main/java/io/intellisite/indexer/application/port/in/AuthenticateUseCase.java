package io.intellisite.indexer.application.port.in;

/** Verifies a bearer token and tells who holds it. */
public interface AuthenticateUseCase {
    Principal authenticate(String bearerToken);
}
