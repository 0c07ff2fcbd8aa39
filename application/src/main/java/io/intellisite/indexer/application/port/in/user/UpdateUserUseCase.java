package io.intellisite.indexer.application.port.in.user;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.UserId;
import java.util.Optional;

/**
 * An admin changes a user's role and/or disables or enables it; the account's tokens stop counting, and the last
 * enabled admin cannot be demoted or disabled.
 */
public interface UpdateUserUseCase {
    void update(Principal actor, UserId id, Optional<Role> role, Optional<Boolean> disabled);
}
