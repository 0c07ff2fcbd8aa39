package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.DeleteUserUseCase;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.user.UserId;

public final class DeleteUserService implements DeleteUserUseCase {
    private final UserRepository users;
    private final AccountStatuses statuses;

    public DeleteUserService(UserRepository users, AccountStatuses statuses) {
        this.users = users;
        this.statuses = statuses;
    }

    @Override
    public void delete(Principal actor, UserId id) {
        actor.requireAdmin();
        statuses.revokeNow();
        if (!users.delete(id)) {
            throw new NotFoundException("user");
        }
    }
}
