package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.model.PageRequest;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.ListUsersUseCase;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import java.util.List;

public final class ListUsersService implements ListUsersUseCase {
    private final UserRepository users;

    public ListUsersService(UserRepository users) {
        this.users = users;
    }

    @Override
    public List<UserWithCredentials> list(Principal actor, PageRequest page) {
        actor.requireAdmin();
        return users.list(page.skip(), page.limit());
    }
}
