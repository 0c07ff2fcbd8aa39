package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.user.UserWithCredentials;

/** Any authenticated caller sees its own account: who it is, with its id, e-mail, role and username. */
public interface ShowOwnAccountUseCase {
    UserWithCredentials show(Principal actor);
}
