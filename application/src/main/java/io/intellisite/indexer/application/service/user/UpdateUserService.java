package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.UpdateUserUseCase;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.UserId;
import java.util.Optional;

public final class UpdateUserService implements UpdateUserUseCase {
    private final UserRepository users;
    private final AccountStatuses statuses;

    public UpdateUserService(UserRepository users, AccountStatuses statuses) {
        this.users = users;
        this.statuses = statuses;
    }

    @Override
    public void update(Principal actor, UserId id, Optional<Role> role, Optional<Boolean> disabled) {
        actor.requireAdmin();
        if (role.isEmpty() && disabled.isEmpty()) {
            throw new InvalidValueException("give role and/or disabled");
        }
        if (!users.change(id, role, disabled, statuses.revokeNow())) {
            throw new NotFoundException("user");
        }
    }
}
