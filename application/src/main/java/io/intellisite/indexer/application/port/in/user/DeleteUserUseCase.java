package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.user.UserId;

/** An admin deletes a user with its credentials, and with them every token it holds; never the last enabled admin. */
public interface DeleteUserUseCase {
    void delete(Principal actor, UserId id);
}
