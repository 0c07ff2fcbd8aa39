package io.intellisite.indexer.application.service.user;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.user.RegisterUserCommand;
import io.intellisite.indexer.application.port.in.user.RegisterUserUseCase;
import io.intellisite.indexer.application.port.out.PasswordHasher;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.user.Credential;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserId;

public final class RegisterUserService implements RegisterUserUseCase {
    private final UserRepository users;
    private final PasswordHasher hasher;

    public RegisterUserService(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public UserId register(Principal actor, RegisterUserCommand command) {
        actor.requireAdmin();
        return add(users, hasher, command);
    }

    /** Shared with the first-admin start-up path, which has no caller to check. */
    static UserId add(UserRepository users, PasswordHasher hasher, RegisterUserCommand command) {
        UserId id = UserId.random();
        User user = new User(id, command.name(), command.lastname(), command.email(), command.role());
        users.add(user, new Credential(id, command.username(), hasher.hash(command.password()), true));
        return id;
    }
}
