package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.application.port.in.Principal;

/** Verifies a bearer token and tells who holds it. */
public interface AuthenticateUseCase {
    Principal authenticate(String bearerToken);

    /** Whether a principal authenticated earlier still holds: its token unexpired and not revoked (a long stream asks). */
    boolean stillValid(Principal principal);
}
