package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.user.UserId;

/** An admin adds a user with one credential. */
public interface RegisterUserUseCase {
    UserId register(Principal actor, RegisterUserCommand command);
}
