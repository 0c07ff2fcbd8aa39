package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.application.port.in.Principal;

/**
 * Exchanges a token that still counts for a fresh one of the same session, so a long-open page need not ask for the
 * password again; a session ends when its password was given longer ago than the policy's session allows.
 */
public interface RenewTokenUseCase {
    LogInUseCase.IssuedToken renew(Principal actor);
}
